#pragma once
// Growing the simulated VK data between two collections, as POST /_sim/grow asks (tests and the demo show
// refresh with it). The spec is a JSON object; every member is optional:
//   "posts":     [{"community_id": 1, "comments": 2}]             a new post on top of the wall, with comments
//   "comments":  [{"owner_id": -1, "post_id": 5, "count": 3}]      new top-level comments on a post
//   "replies":   [{"owner_id": -1, "post_id": 5, "comment_id": 7, "count": 2}]  new replies in a thread
//   "edits":     [{"owner_id": -1, "post_id": 5, "comment_id": 8}]  a comment gets a new text
//   "deletions": [{"owner_id": -1, "post_id": 5, "comment_id": 9}]  a comment is deleted
//   "likes":     [{"owner_id": -1, "post_id": 5, "likes": 1000}]   a post's likes change
// The answer lists what is new: {"posts": [{"owner_id", "id"}], "comments": [{"owner_id", "post_id", "id",
// "parent_id"}]}; /_sim/truth shows the whole new state.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>

#include "sim/dataset.hpp"

namespace vka::sim {

// Checks the whole spec first: a malformed one, or one naming an unknown community, post or comment (or a
// deleted one to edit or delete), throws std::invalid_argument and changes nothing. `seed` varies the texts.
boost::json::object grow(Dataset& dataset, const boost::json::value& spec, std::uint64_t seed);

}  // namespace vka::sim
