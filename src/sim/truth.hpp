#pragma once
// The whole dataset as JSON for GET /_sim/truth, with the product API's field names (the Post and
// Comment schemas of src/api/openapi/openapi.json) so tests compare collected data directly:
// {"communities":[{id, screen_name, name, type, is_closed, deactivated|null, comments_closed}],
//  "posts":[{owner_id, id, date, text, likes, reposts, views|null, comments_count, is_pinned}],
//  "comments":[{owner_id, post_id, id, parent_id|null, thread_root_id|null, from_id, author_name,
//               date, text, likes, deleted, sentiment_label}],
//  "users":[{id, first_name, last_name, deactivated|null}]}
// Dates are unix seconds. Posts are in wall order per community, comments by ascending id.
#include <boost/json/object.hpp>

#include "sim/dataset.hpp"

namespace vka::sim {

boost::json::object truth_json(const Dataset& dataset);

}  // namespace vka::sim
