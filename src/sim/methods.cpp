#include "sim/methods.hpp"

#include <array>
#include <charconv>
#include <utility>

namespace vka::sim {

namespace {

constexpr std::array<std::pair<std::string_view, Method>, 6> methods{{
    {"wall.get", wall_get},
    {"wall.getById", wall_get_by_id},
    {"wall.getComments", wall_get_comments},
    {"groups.getById", groups_get_by_id},
    {"utils.resolveScreenName", utils_resolve_screen_name},
    {"users.get", users_get},
}};

std::optional<std::int64_t> positive_number(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

}  // namespace

Method find_method(std::string_view name) {
  for (const auto& [known, method] : methods)
    if (known == name) return method;
  return nullptr;
}

const Community* find_community(const Dataset& dataset, std::string_view id_or_name) {
  if (const auto id = positive_number(id_or_name)) return dataset.community(*id);
  for (const std::string_view prefix : {"club", "public", "event"}) {
    if (!id_or_name.starts_with(prefix)) continue;
    if (const auto id = positive_number(id_or_name.substr(prefix.size()))) return dataset.community(*id);
  }
  return dataset.community_by_screen_name(id_or_name);
}

}  // namespace vka::sim
