#include "sim/params.hpp"

#include <charconv>

#include "sim/vk_error.hpp"

namespace vka::sim {

VkError invalid_parameter(std::string_view detail) {
  return VkError{100, "One of the parameters specified was missing or invalid: " + std::string{detail}};
}

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+') {
      out += ' ';
    } else if (c == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> parse_form(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> items;
  while (!text.empty()) {
    const auto amp = text.find('&');
    const auto pair = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view{} : text.substr(amp + 1);
    if (pair.empty()) continue;
    const auto equals = pair.find('=');
    if (equals == std::string_view::npos)
      items.emplace_back(decode(pair), "");
    else
      items.emplace_back(decode(pair.substr(0, equals)), decode(pair.substr(equals + 1)));
  }
  return items;
}

std::optional<std::string_view> Params::get(std::string_view key) const {
  for (auto it = items_.rbegin(); it != items_.rend(); ++it)
    if (it->first == key) return std::string_view{it->second};
  return std::nullopt;
}

std::optional<std::int64_t> Params::integer(std::string_view key) const {
  const auto text = get(key);
  if (!text || trim(*text).empty()) return std::nullopt;
  const auto value = trim(*text);
  std::int64_t number = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (error != std::errc{} || end != value.data() + value.size())
    throw invalid_parameter(std::string{key} + " not integer");
  return number;
}

std::int64_t Params::required_integer(std::string_view key) const {
  const auto value = integer(key);
  if (!value) throw invalid_parameter(std::string{key} + " is undefined");
  return *value;
}

std::int64_t Params::integer_in(std::string_view key, std::int64_t fallback, std::int64_t low,
                                std::int64_t high) const {
  const auto value = integer(key).value_or(fallback);
  if (value < low) throw invalid_parameter(std::string{key} + " should be greater or equal to " + std::to_string(low));
  if (value > high) throw invalid_parameter(std::string{key} + " should be less or equal to " + std::to_string(high));
  return value;
}

std::string_view Params::required_text(std::string_view key) const {
  const auto value = get(key);
  if (!value || trim(*value).empty()) throw invalid_parameter(std::string{key} + " is undefined");
  return trim(*value);
}

bool Params::flag(std::string_view key) const {
  const auto value = get(key);
  if (!value) return false;
  const auto v = trim(*value);
  return !v.empty() && v != "0" && v != "false";
}

std::vector<std::string_view> split_list(std::string_view text) {
  std::vector<std::string_view> items;
  while (!text.empty()) {
    const auto comma = text.find(',');
    const auto item = trim(text.substr(0, comma));
    text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
    if (!item.empty()) items.push_back(item);
  }
  return items;
}

}  // namespace vka::sim
