// groups.getById, utils.resolveScreenName and users.get (docs/vk-api.md §4.5–4.7).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>
#include <charconv>

#include "sim/methods.hpp"
#include "sim/vk_error.hpp"
#include "sim/vk_objects.hpp"

namespace vka::sim {

namespace json = boost::json;

namespace {

std::optional<std::int64_t> user_id_of(std::string_view text) {
  if (text.starts_with("id")) text.remove_prefix(2);
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc{} || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

}  // namespace

json::value groups_get_by_id(const Dataset& dataset, const Params& params) {
  std::vector<std::string_view> refs;
  if (const auto list = params.get("group_ids"); list && !split_list(*list).empty())
    refs = split_list(*list);
  else
    refs.push_back(params.required_text("group_id"));
  if (refs.size() > 500) throw invalid_parameter("group_ids is too long, at most 500 communities");
  const auto fields = split_list(params.get("fields").value_or(""));
  json::array groups;
  std::vector<std::int64_t> seen;
  for (const auto ref : refs) {
    const auto* community = find_community(dataset, ref);
    if (!community) throw invalid_parameter("group_ids is invalid: " + std::string{ref.substr(0, 64)});
    if (std::find(seen.begin(), seen.end(), community->id) != seen.end()) continue;
    seen.push_back(community->id);
    groups.push_back(group_json(*community, fields));
  }
  return json::object{{"groups", std::move(groups)}, {"profiles", json::array{}}};
}

json::value utils_resolve_screen_name(const Dataset& dataset, const Params& params) {
  const auto name = params.required_text("screen_name");
  // VK answers "group" for every kind of community (apiclub, a page, resolves as a group).
  if (const auto* community = find_community(dataset, name))
    return json::object{{"type", "group"}, {"object_id", community->id}};
  if (name.starts_with("id"))
    if (const auto id = user_id_of(name); id && dataset.user(*id))
      return json::object{{"type", "user"}, {"object_id", *id}};
  return json::array{};  // unknown names are an empty array, not an error
}

json::value users_get(const Dataset& dataset, const Params& params) {
  const auto refs = split_list(params.required_text("user_ids"));
  if (refs.size() > 1000) throw invalid_parameter("user_ids is too long, at most 1000 users");
  json::array users;
  for (const auto ref : refs) {
    const auto id = user_id_of(ref);
    if (!id) throw VkError{113, "Invalid user id"};
    if (const auto* user = dataset.user(*id)) {
      users.push_back(user_json(*user));
    } else {
      // VK shows ids nobody owns as deleted pages.
      users.push_back(user_json(User{*id, "DELETED", "", "deleted"}));
    }
  }
  return users;
}

}  // namespace vka::sim
