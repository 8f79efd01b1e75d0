#pragma once
// Wall posts as analysts name them: "-1_123", "wall-1_123", "https://vk.com/wall-1_123",
// "https://vk.com/apiclub?w=wall-1_123". Posts on user walls (positive owner) are posts too.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/ref_list.hpp"
#include "domain/result.hpp"
#include "domain/task.hpp"

namespace vka::domain {

Result<PostRef> parse_post_ref(std::string_view input);

// Duplicates collapse to their first occurrence.
NormalizedRefs<PostRef> normalize_post_refs(const std::vector<std::string>& inputs);

// "<owner_id>_<post_id>" with an optional "wall" prefix, nothing else. The problem is a
// predicate meant to follow the quoted input.
Result<PostRef> parse_wall_id(std::string_view text);

std::string to_string(const PostRef& post);  // "-1_123"
std::string post_url(const PostRef& post);   // "https://vk.com/wall-1_123"
// "https://vk.com/wall-1_123?reply=456", with "&thread=<root>" for a reply in a thread (VK opens the thread).
std::string comment_url(const PostRef& post, std::int64_t comment_id, std::optional<std::int64_t> thread_root_id);

}  // namespace vka::domain
