#include "vk/parse_objects.hpp"

namespace vka::vk::detail {

namespace {

domain::Timestamp date_at(const json::object& o, std::string_view key, const Where& where) {
  return domain::from_unix(req_int(o, key, where));
}

std::vector<std::string> attachment_types(const json::object& o, const Where& where) {
  return opt_array_of<std::string>(o, "attachments", where, [](const json::value& item, const Where& at) {
    return req_string(object_at(item, at), "type", at);
  });
}

}  // namespace

Post parse_post(const json::value& v, const Where& where) {
  const json::object& o = object_at(v, where);
  Post post;
  post.id = req_int(o, "id", where);
  post.owner_id = req_int(o, "owner_id", where);
  post.from_id = req_int(o, "from_id", where);
  post.date = date_at(o, "date", where);
  post.text = opt_string(o, "text", where).value_or("");
  post.post_type = opt_string(o, "post_type", where).value_or("post");
  post.is_pinned = opt_flag(o, "is_pinned", where).value_or(false);
  post.likes = opt_count(o, "likes", where).value_or(0);
  post.reposts = opt_count(o, "reposts", where).value_or(0);
  post.views = opt_count(o, "views", where);
  post.comments_count = opt_count(o, "comments", where).value_or(0);
  if (const json::value* comments = optional(o, "comments")) {
    const Where at = where.field("comments");
    post.can_post_comments = opt_flag(object_at(*comments, at), "can_post", at);
  }
  post.attachment_types = attachment_types(o, where);
  return post;
}

Comment parse_comment(const json::value& v, const Where& where) {
  const json::object& o = object_at(v, where);
  Comment comment;
  comment.id = req_int(o, "id", where);
  comment.owner_id = req_int(o, "owner_id", where);
  comment.post_id = req_int(o, "post_id", where);
  comment.deleted = opt_flag(o, "deleted", where).value_or(false);
  if (comment.deleted) {
    comment.from_id = opt_int(o, "from_id", where).value_or(0);
    comment.date = domain::from_unix(opt_int(o, "date", where).value_or(0));
    comment.text = opt_string(o, "text", where).value_or("");
  } else {
    comment.from_id = req_int(o, "from_id", where);
    comment.date = date_at(o, "date", where);
    comment.text = req_string(o, "text", where);
  }
  comment.likes = opt_count(o, "likes", where).value_or(0);
  comment.parents_stack = opt_array_of<std::int64_t>(o, "parents_stack", where, int_at);
  comment.reply_to_comment = opt_int(o, "reply_to_comment", where);
  comment.reply_to_user = opt_int(o, "reply_to_user", where);
  if (const json::value* thread = optional(o, "thread")) {
    const Where at = where.field("thread");
    const json::object& t = object_at(*thread, at);
    comment.thread.count = req_int(t, "count", at);
    comment.thread.items = opt_array_of<Comment>(t, "items", at, parse_comment);
  }
  return comment;
}

Group parse_group(const json::value& v, const Where& where) {
  const json::object& o = object_at(v, where);
  Group group;
  group.id = req_int(o, "id", where);
  group.name = req_string(o, "name", where);
  group.screen_name = req_string(o, "screen_name", where);
  const std::int64_t closed = req_int(o, "is_closed", where);
  if (closed < 0 || closed > 2) fail(where.field("is_closed"), "expected 0, 1 or 2, got " + std::to_string(closed));
  group.is_closed = static_cast<GroupAccess>(closed);
  group.type = req_string(o, "type", where);
  group.deactivated = opt_string(o, "deactivated", where);
  group.members_count = opt_int(o, "members_count", where);
  return group;
}

User parse_user(const json::value& v, const Where& where) {
  const json::object& o = object_at(v, where);
  User user;
  user.id = req_int(o, "id", where);
  user.first_name = req_string(o, "first_name", where);
  user.last_name = req_string(o, "last_name", where);
  user.deactivated = opt_string(o, "deactivated", where);
  return user;
}

}  // namespace vka::vk::detail
