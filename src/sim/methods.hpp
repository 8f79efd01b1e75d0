#pragma once
// The VK methods the simulator serves (docs/vk-api.md §4), as functions of the dataset and the
// call's parameters. They throw VkError; `execute` lives in the service, above them.
#include <boost/json/value.hpp>

#include <string_view>

#include "sim/dataset.hpp"
#include "sim/params.hpp"

namespace vka::sim {

using Method = boost::json::value (*)(const Dataset& dataset, const Params& params);

// nullptr for a method the simulator does not know (VK: error 3).
Method find_method(std::string_view name);

boost::json::value wall_get(const Dataset& dataset, const Params& params);
boost::json::value wall_get_by_id(const Dataset& dataset, const Params& params);
boost::json::value wall_get_comments(const Dataset& dataset, const Params& params);
boost::json::value groups_get_by_id(const Dataset& dataset, const Params& params);
boost::json::value utils_resolve_screen_name(const Dataset& dataset, const Params& params);
boost::json::value users_get(const Dataset& dataset, const Params& params);

// "123", "club123", "public123", "event123" or a screen name → the community, or nullptr.
const Community* find_community(const Dataset& dataset, std::string_view id_or_name);

}  // namespace vka::sim
