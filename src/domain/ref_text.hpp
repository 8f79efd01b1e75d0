#pragma once
// Small text helpers shared by the parsers of user-supplied VK references.
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/result.hpp"

namespace vka::domain {

// VK ids are JSON integers that must survive a double: at most 2^53 - 1.
inline constexpr std::int64_t max_vk_id = 9007199254740991;

// The input as it should appear inside a problem text: in single quotes, control
// characters replaced by '?', cut (on a UTF-8 boundary) with "…" when long.
std::string quote_input(std::string_view input);

std::string_view trim_ascii_space(std::string_view text);
std::string lowercase_ascii(std::string_view text);
bool is_all_digits(std::string_view text);  // false for ""

// Unsigned decimal id in 1..max_vk_id. The problem is a predicate ("is out of range …")
// meant to follow the quoted input.
Result<std::int64_t> parse_positive_vk_id(std::string_view digits);

}  // namespace vka::domain
