#pragma once
// Collected posts and comments in the contract's JSON shapes (lists and NDJSON exports).
#include <boost/json/object.hpp>

#include "store/results_repository.hpp"

namespace vka::api {

boost::json::object post_to_json(const store::PostRow& row);
boost::json::object comment_to_json(const store::CommentRow& row);

}  // namespace vka::api
