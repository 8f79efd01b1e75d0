#pragma once
// VK objects as the collector needs them, decoded from API responses (docs/vk-api.md §4).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.hpp"

namespace vka::vk {

struct Post {
  std::int64_t owner_id = 0;  // negative for communities
  std::int64_t id = 0;
  std::int64_t from_id = 0;  // negative when a community is the author
  domain::Timestamp date;
  std::string text;       // "" when VK omits it (attachment-only posts)
  std::string post_type;  // "post", "copy", "reply", ...; "post" when absent
  bool is_pinned = false;
  std::int64_t likes = 0;             // 0 when VK omits the likes object
  std::int64_t reposts = 0;           // 0 when VK omits the reposts object
  std::optional<std::int64_t> views;  // VK often omits views
  std::int64_t comments_count = 0;    // 0 when VK omits the comments object
  // comments.can_post as VK sent it. It describes the calling token, so a service token may see
  // false on walls whose comments are open; absent when VK omits it.
  std::optional<bool> can_post_comments;
  std::vector<std::string> attachment_types;
  bool operator==(const Post&) const = default;
};

struct Comment;

// Replies under a top-level comment: the total VK reports, and the ones inlined in this response.
struct CommentThread {
  std::int64_t count = 0;
  std::vector<Comment> items;
  bool operator==(const CommentThread&) const;
};

struct Comment {
  std::int64_t owner_id = 0;
  std::int64_t post_id = 0;
  std::int64_t id = 0;
  // A deleted comment is a tombstone: VK may drop its author, date and text (left 0, epoch, "").
  bool deleted = false;
  std::int64_t from_id = 0;
  domain::Timestamp date;
  std::string text;
  std::int64_t likes = 0;                   // 0 when VK omits likes (it sends them with need_likes=1)
  std::vector<std::int64_t> parents_stack;  // ancestor comment ids, outermost first
  std::optional<std::int64_t> reply_to_comment;
  std::optional<std::int64_t> reply_to_user;
  CommentThread thread;  // empty for replies and for comments without replies
  bool operator==(const Comment&) const = default;
};

enum class GroupAccess { open = 0, closed = 1, private_ = 2 };

struct Group {
  std::int64_t id = 0;  // positive
  std::string name;
  std::string screen_name;
  GroupAccess is_closed = GroupAccess::open;
  std::string type;                        // "group", "page", "event"
  std::optional<std::string> deactivated;  // "deleted", "banned"
  std::optional<std::int64_t> members_count;
  bool operator==(const Group&) const = default;
};

struct User {
  std::int64_t id = 0;
  std::string first_name;
  std::string last_name;
  std::optional<std::string> deactivated;  // "deleted", "banned"
  bool operator==(const User&) const = default;
};

// utils.resolveScreenName: an unknown name is std::nullopt, not an error.
struct ResolvedName {
  std::string type;  // "user", "group", "page", "event", "application", ...
  std::int64_t object_id = 0;
  bool operator==(const ResolvedName&) const = default;
};

// wall.get
struct WallPage {
  std::int64_t count = 0;
  std::vector<Post> items;
  std::vector<User> profiles;
  std::vector<Group> groups;
};

// wall.getById
struct PostList {
  std::vector<Post> items;
  std::vector<User> profiles;
  std::vector<Group> groups;
};

// wall.getComments (top level, or one reply branch when called with comment_id)
struct CommentsPage {
  std::int64_t count = 0;
  std::optional<std::int64_t> current_level_count;
  std::vector<Comment> items;
  std::vector<User> profiles;
  std::vector<Group> groups;
};

}  // namespace vka::vk
