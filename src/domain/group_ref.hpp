#pragma once
// Communities as analysts name them: 1, -1, "1", "-1", "club1", "public1", "event1", "apiclub",
// "@apiclub", "https://vk.com/apiclub", "vk.ru/club1/", "m.vk.com/apiclub?from=feed".
// Numeric forms become the positive community id; screen names are lowercased for VK to resolve.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "domain/ref_list.hpp"
#include "domain/result.hpp"
#include "domain/task.hpp"

namespace vka::domain {

// One item of a "groups" list: a JSON integer or a JSON string.
using GroupInput = std::variant<std::int64_t, std::string>;

inline constexpr std::size_t max_screen_name_length = 32;

Result<GroupRef> parse_group_ref(const GroupInput& input);

// Duplicates collapse to their first occurrence: 1, -1, "club1" and "vk.com/public1" are one.
NormalizedRefs<GroupRef> normalize_group_refs(const std::vector<GroupInput>& inputs);

// The JSON form of a normalized reference is its value (integer id or screen name);
// these are its text forms.
std::string to_string(const GroupRef& group);  // "1" or "apiclub"
std::string group_url(const GroupRef& group);  // "https://vk.com/club1" or "https://vk.com/apiclub"

}  // namespace vka::domain
