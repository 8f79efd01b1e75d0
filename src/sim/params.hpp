#pragma once
// Request parameters of one VK call, from the query string, a form body or an execute call.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vka::sim {

// application/x-www-form-urlencoded ("a=1&b=x+y%21"); malformed escapes are kept literally.
std::vector<std::pair<std::string, std::string>> parse_form(std::string_view text);

class Params {
 public:
  Params() = default;
  explicit Params(std::vector<std::pair<std::string, std::string>> items) : items_(std::move(items)) {}

  void add(std::string key, std::string value) { items_.emplace_back(std::move(key), std::move(value)); }
  // The last value wins, as with repeated query parameters.
  std::optional<std::string_view> get(std::string_view key) const;
  // Throw VkError 100 when present but not an integer or out of range.
  std::optional<std::int64_t> integer(std::string_view key) const;
  std::int64_t required_integer(std::string_view key) const;
  std::int64_t integer_in(std::string_view key, std::int64_t fallback, std::int64_t low, std::int64_t high) const;
  std::string_view required_text(std::string_view key) const;
  bool flag(std::string_view key) const;  // "1" (or any non-zero integer) means yes

  const std::vector<std::pair<std::string, std::string>>& items() const { return items_; }

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

// "1, 2,3" → {"1","2","3"}; empty items are dropped.
std::vector<std::string_view> split_list(std::string_view text);

}  // namespace vka::sim
