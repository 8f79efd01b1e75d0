// wall.get, wall.getById and wall.getComments responses (docs/vk-api.md §4.1–4.3).
#include "vk/parse.hpp"
#include "vk/parse_objects.hpp"

namespace vka::vk {

using namespace detail;

domain::Result<WallPage, ParseError> parse_wall_get(const Payload& response) {
  return guarded([&] {
    const Where where(response.path());
    const json::object& o = object_at(response.json(), where);
    WallPage page;
    page.count = req_int(o, "count", where);
    page.items = array_of<Post>(required(o, "items", where), where.field("items"), parse_post);
    page.profiles = opt_array_of<User>(o, "profiles", where, parse_user);
    page.groups = opt_array_of<Group>(o, "groups", where, parse_group);
    return page;
  });
}

domain::Result<PostList, ParseError> parse_wall_get_by_id(const Payload& response) {
  return guarded([&] {
    const Where where(response.path());
    PostList list;
    // 5.199 answers {items, profiles, groups}; older versions a bare array of posts (docs/vk-api.md §4.2).
    if (response.json().is_array()) {
      list.items = array_of<Post>(response.json(), where, parse_post);
      return list;
    }
    const json::object& o = object_at(response.json(), where);
    list.items = array_of<Post>(required(o, "items", where), where.field("items"), parse_post);
    list.profiles = opt_array_of<User>(o, "profiles", where, parse_user);
    list.groups = opt_array_of<Group>(o, "groups", where, parse_group);
    return list;
  });
}

domain::Result<CommentsPage, ParseError> parse_wall_get_comments(const Payload& response) {
  return guarded([&] {
    const Where where(response.path());
    const json::object& o = object_at(response.json(), where);
    CommentsPage page;
    page.count = req_int(o, "count", where);
    page.current_level_count = opt_int(o, "current_level_count", where);
    page.items = array_of<Comment>(required(o, "items", where), where.field("items"), parse_comment);
    page.profiles = opt_array_of<User>(o, "profiles", where, parse_user);
    page.groups = opt_array_of<Group>(o, "groups", where, parse_group);
    return page;
  });
}

}  // namespace vka::vk
