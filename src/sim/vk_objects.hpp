#pragma once
// VK API objects at v=5.199 (docs/vk-api.md §4): posts, comments, communities and users as JSON.
#include <boost/json/object.hpp>

#include <cstdint>
#include <string_view>
#include <vector>

#include "sim/dataset.hpp"

namespace vka::sim {

boost::json::object post_json(const Post& post, const Community& owner, const PostComments& comments);

struct CommentView {
  bool need_likes = false;
  std::int64_t preview_length = 0;  // 0: whole text
};
// Without `thread`; wall.getComments adds it to top-level items.
boost::json::object comment_json(const Comment& comment, const PostComments& comments, const CommentView& view);

boost::json::object group_json(const Community& community, const std::vector<std::string_view>& fields);
boost::json::object user_json(const User& user);

// Authors met while building a response, for `profiles` and `groups` (extended=1).
class Authors {
 public:
  void add(std::int64_t from_id);
  void attach_to(boost::json::object& response, const Dataset& dataset) const;

 private:
  std::vector<std::int64_t> users_;
  std::vector<std::int64_t> groups_;
};

// The first `length` code points of UTF-8 `text` (VK's preview_length).
std::string_view utf8_prefix(std::string_view text, std::int64_t length);

}  // namespace vka::sim
