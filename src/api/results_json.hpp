#pragma once
// Collected posts and comments in the contract's JSON shapes, and as CSV rows for exports.
#include <boost/json/object.hpp>

#include <string>
#include <vector>

#include "store/results_repository.hpp"

namespace vka::api {

boost::json::object post_to_json(const store::PostRow& row);
boost::json::object comment_to_json(const store::CommentRow& row);

// Export columns: the JSON fields in the same order, keywords joined by spaces.
const std::vector<std::string>& post_csv_columns();
const std::vector<std::string>& comment_csv_columns();
std::vector<std::string> post_csv_fields(const store::PostRow& row);
std::vector<std::string> comment_csv_fields(const store::CommentRow& row);

}  // namespace vka::api
