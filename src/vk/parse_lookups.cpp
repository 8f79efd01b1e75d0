// groups.getById, utils.resolveScreenName and users.get responses (docs/vk-api.md §4.5–4.7).
#include "vk/parse.hpp"
#include "vk/parse_objects.hpp"

namespace vka::vk {

using namespace detail;

domain::Result<std::vector<Group>, ParseError> parse_groups_get_by_id(const Payload& response) {
  return guarded([&] {
    const Where where(response.path());
    // 5.199 answers {groups, profiles}; older versions a bare array (docs/vk-api.md §4.5).
    if (response.json().is_array()) return array_of<Group>(response.json(), where, parse_group);
    const json::object& o = object_at(response.json(), where);
    return array_of<Group>(required(o, "groups", where), where.field("groups"), parse_group);
  });
}

domain::Result<std::optional<ResolvedName>, ParseError> parse_resolve_screen_name(const Payload& response) {
  return guarded([&]() -> std::optional<ResolvedName> {
    const Where where(response.path());
    // An unknown name comes back as an empty array, not as an error (docs/vk-api.md §4.6).
    if (response.json().is_array()) {
      if (!response.json().get_array().empty()) fail(where, "expected an object or an empty array");
      return std::nullopt;
    }
    const json::object& o = object_at(response.json(), where);
    return ResolvedName{req_string(o, "type", where), req_int(o, "object_id", where)};
  });
}

domain::Result<std::vector<User>, ParseError> parse_users_get(const Payload& response) {
  return guarded([&] {
    const Where where(response.path());
    return array_of<User>(response.json(), where, parse_user);
  });
}

}  // namespace vka::vk
