#pragma once
// Internal to the parsers: typed reads from Boost.JSON values that name the offending path on
// failure. Failures are thrown as ShapeError and turned into ParseError by guarded(); nothing
// escapes the parse_* functions.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vk/parse.hpp"

namespace vka::vk::detail {

namespace json = boost::json;

// A JSON path built on the stack and rendered only when something fails.
class Where {
 public:
  explicit Where(const std::string& root) : root_(&root) {}
  Where field(std::string_view key) const { return Where(this, key, 0); }
  Where at(std::size_t index) const { return Where(this, {}, index); }
  std::string render() const;

 private:
  Where(const Where* parent, std::string_view key, std::size_t index) : parent_(parent), key_(key), index_(index) {}
  const std::string* root_ = nullptr;
  const Where* parent_ = nullptr;
  std::string_view key_;  // empty: this step is an array index
  std::size_t index_ = 0;
};

struct ShapeError {
  std::string path;
  std::string problem;
};

[[noreturn]] void fail(const Where& where, std::string problem);

const json::object& object_at(const json::value& v, const Where& where);
const json::array& array_at(const json::value& v, const Where& where);
std::int64_t int_at(const json::value& v, const Where& where);
bool flag_at(const json::value& v, const Where& where);  // true/false or 1/0
std::string string_at(const json::value& v, const Where& where);
std::string text_at(const json::value& v, const Where& where);  // a string, or a number as text

// The member, or a ShapeError naming where.field(key) when it is missing or null.
const json::value& required(const json::object& o, std::string_view key, const Where& where);
// The member, or nullptr when it is missing or null.
const json::value* optional(const json::object& o, std::string_view key);

std::int64_t req_int(const json::object& o, std::string_view key, const Where& where);
std::optional<std::int64_t> opt_int(const json::object& o, std::string_view key, const Where& where);
std::string req_string(const json::object& o, std::string_view key, const Where& where);
std::optional<std::string> opt_string(const json::object& o, std::string_view key, const Where& where);
std::optional<bool> opt_flag(const json::object& o, std::string_view key, const Where& where);
// The "count" inside an optional sub-object such as likes or views.
std::optional<std::int64_t> opt_count(const json::object& o, std::string_view key, const Where& where);

template <class T, class F>
std::vector<T> array_of(const json::value& v, const Where& where, F&& parse_item) {
  const json::array& items = array_at(v, where);
  std::vector<T> out;
  out.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) out.push_back(parse_item(items[i], where.at(i)));
  return out;
}

template <class T, class F>
std::vector<T> opt_array_of(const json::object& o, std::string_view key, const Where& where, F&& parse_item) {
  const json::value* v = optional(o, key);
  if (v == nullptr) return {};
  return array_of<T>(*v, where.field(key), parse_item);
}

// Runs a parse that may throw ShapeError and returns its value or the ParseError.
template <class F>
auto guarded(F&& parse) -> domain::Result<decltype(parse()), ParseError> {
  try {
    return parse();
  } catch (ShapeError& e) {
    return domain::unexpected(ParseError{std::move(e.path), std::move(e.problem)});
  }
}

}  // namespace vka::vk::detail
