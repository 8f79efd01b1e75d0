#include "domain/ref_text.hpp"

#include <fmt/format.h>

namespace vka::domain {

namespace {
constexpr std::size_t max_quoted_bytes = 60;

bool is_utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
}  // namespace

std::string quote_input(std::string_view input) {
  std::string_view shown = input;
  bool cut = false;
  if (shown.size() > max_quoted_bytes) {
    std::size_t end = max_quoted_bytes;
    while (end > 0 && is_utf8_continuation(shown[end])) --end;
    shown = shown.substr(0, end);
    cut = true;
  }
  std::string out = "'";
  for (char c : shown) {
    const auto byte = static_cast<unsigned char>(c);
    out += (byte < 0x20 || byte == 0x7F) ? '?' : c;
  }
  if (cut) out += "…";
  out += '\'';
  return out;
}

std::string_view trim_ascii_space(std::string_view text) {
  constexpr std::string_view space = " \t\r\n\f\v";
  const auto first = text.find_first_not_of(space);
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(space);
  return text.substr(first, last - first + 1);
}

std::string lowercase_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool is_all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return true;
}

Result<std::int64_t> parse_positive_vk_id(std::string_view digits) {
  if (!is_all_digits(digits)) return unexpected("is not a number");
  std::int64_t value = 0;
  for (char c : digits) {
    value = value * 10 + (c - '0');
    if (value > max_vk_id) return unexpected(fmt::format("is out of range (VK ids are at most {})", max_vk_id));
  }
  if (value == 0) return unexpected("is not a valid id (ids start at 1)");
  return value;
}

}  // namespace vka::domain
