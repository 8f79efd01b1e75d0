#pragma once
// A value or a human sentence saying why there is none; for parsers of untrusted input,
// where failure is an expected outcome rather than an exception.
#include <string>
#include <utility>
#include <variant>

namespace vka::domain {

template <typename T>
class Result {
 public:
  static Result ok(T value) { return Result(std::in_place_index<0>, std::move(value)); }
  static Result fail(std::string problem) { return Result(std::in_place_index<1>, std::move(problem)); }

  bool has_value() const { return state_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  // Precondition: has_value().
  const T& value() const& { return std::get<0>(state_); }
  T& value() & { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }

  // Precondition: !has_value().
  const std::string& problem() const { return std::get<1>(state_); }

 private:
  template <std::size_t I, typename V>
  Result(std::in_place_index_t<I> tag, V&& v) : state_(tag, std::forward<V>(v)) {}

  std::variant<T, std::string> state_;
};

}  // namespace vka::domain
