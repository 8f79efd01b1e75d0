#pragma once
// Links to vk.com pages as analysts paste them: "https://vk.com/apiclub", "vk.ru/club1/",
// "m.vk.com/wall-1_2?reply=5", "https://vk.com/apiclub?w=wall-1_123#top".
#include <optional>
#include <string>
#include <string_view>

#include "domain/result.hpp"

namespace vka::domain {

struct VkLink {
  std::string page;              // the single path segment, lowercased; "" for the site root
  std::optional<std::string> w;  // the "w" query parameter (VK opens posts over a page with it)
};

// True when the text is meant as a URL (a scheme, or a VK host followed by a path or nothing),
// so that a parse failure should be reported as a bad link rather than a bad name.
bool looks_like_link(std::string_view text);

// Accepts http/https or no scheme and the hosts vk.com, vk.ru with optional "m." or "www.".
// The problem is a predicate meant to follow the quoted input.
Result<VkLink> parse_vk_link(std::string_view text);

}  // namespace vka::domain
