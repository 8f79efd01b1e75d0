#pragma once
// Typed VK API requests (docs/vk-api.md §4) and their wire form. The access token is never part of a
// Request: it is added only to the POST body, so a Request can be logged as it is.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vka::vk {

inline constexpr std::string_view kApiVersion = "5.199";
inline constexpr int kMaxPageCount = 100;          // wall.get, wall.getComments
inline constexpr int kMaxThreadItemsCount = 10;    // wall.getComments thread_items_count
inline constexpr std::size_t kMaxPostsById = 100;  // wall.getById
inline constexpr std::size_t kMaxGroupIds = 500;   // groups.getById
inline constexpr std::size_t kMaxUserIds = 1000;   // users.get

struct Request {
  std::string method;                                       // e.g. "wall.getComments"
  std::vector<std::pair<std::string, std::string>> params;  // in the order they are sent
  bool operator==(const Request&) const = default;
};

// The builders throw std::invalid_argument when a caller breaks a documented limit
// (count outside 1..100, an empty or oversized id list): that is a bug, not bad input.
Request wall_get(std::int64_t owner_id, std::int64_t offset, int count = kMaxPageCount);
Request wall_get_by_id(std::span<const std::pair<std::int64_t, std::int64_t>> owner_and_post_ids);

struct CommentsQuery {
  std::int64_t owner_id = 0;
  std::int64_t post_id = 0;
  std::optional<std::int64_t> comment_id;        // read this comment's reply branch
  std::optional<std::int64_t> start_comment_id;  // resume anchor (docs/vk-api.md §8.3)
  std::int64_t offset = 0;                       // may be negative with start_comment_id
  int count = kMaxPageCount;
  int thread_items_count = kMaxThreadItemsCount;  // ignored for reply branches
};
// need_likes=1, sort=asc, preview_length=0, extended=1 always (docs/vk-api.md §4.3, §8).
Request wall_get_comments(const CommentsQuery& query);

Request groups_get_by_id(std::span<const std::string> ids_or_screen_names, std::string_view fields = "members_count");
Request users_get(std::span<const std::int64_t> user_ids);
Request resolve_screen_name(std::string_view screen_name);

// application/x-www-form-urlencoded body: the request's params, then access_token and v.
std::string form_body(const Request& request, std::string_view access_token, std::string_view version = kApiVersion);
// "https://api.vk.ru/method" + "wall.get" → "https://api.vk.ru/method/wall.get" (no token, no query).
std::string method_url(std::string_view base_url, const Request& request);
// "wall.get owner_id=-1 offset=0 count=100" for logs; long values are shortened.
std::string describe(const Request& request);

}  // namespace vka::vk
