#include "sim/growth.hpp"

#include <boost/json/array.hpp>

#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/random.hpp"

namespace vka::sim {

namespace json = boost::json;

namespace {

const json::array& list(const json::object& spec, std::string_view name) {
  static const json::array none;
  const json::value* value = spec.if_contains(name);
  if (value == nullptr) return none;
  if (!value->is_array()) throw std::invalid_argument(std::string(name) + " must be an array");
  return value->as_array();
}

std::int64_t integer(const json::value& item, std::string_view where, std::string_view name, std::int64_t minimum) {
  const json::value* value = item.is_object() ? item.as_object().if_contains(name) : nullptr;
  if (value == nullptr || !value->is_int64() || value->as_int64() < minimum)
    throw std::invalid_argument(std::string(where) + "." + std::string(name) +
                                " must be an integer >= " + std::to_string(minimum));
  return value->as_int64();
}

struct Target {
  std::int64_t owner_id = 0;
  std::int64_t post_id = 0;
  std::int64_t comment_id = 0;
  std::int64_t count = 0;
};

Target read_target(const Dataset& dataset, const json::value& item, std::string_view where, bool comment) {
  Target t;
  t.owner_id = integer(item, where, "owner_id", std::numeric_limits<std::int64_t>::min());
  t.post_id = integer(item, where, "post_id", 1);
  const Post* post = dataset.post(t.owner_id, t.post_id);
  if (!post) throw std::invalid_argument(std::string(where) + " names an unknown post");
  if (comment) {
    t.comment_id = integer(item, where, "comment_id", 1);
    const Comment* found = dataset.comments(*post).find(t.comment_id);
    if (!found || found->deleted) throw std::invalid_argument(std::string(where) + " names no visible comment");
  }
  return t;
}

}  // namespace

json::object grow(Dataset& dataset, const json::value& spec_value, std::uint64_t seed) {
  if (!spec_value.is_object()) throw std::invalid_argument("the spec must be a JSON object");
  const json::object& spec = spec_value.as_object();
  for (const auto& member : spec) {
    const std::string_view key = member.key();
    if (key != "posts" && key != "comments" && key != "replies" && key != "edits" && key != "deletions" &&
        key != "likes")
      throw std::invalid_argument("unknown member " + std::string(key));
  }
  std::vector<std::pair<std::int64_t, std::int64_t>> new_posts;  // community id, comments
  for (const auto& item : list(spec, "posts")) {
    const std::int64_t id = integer(item, "posts[]", "community_id", 1);
    if (!dataset.community(id)) throw std::invalid_argument("posts[] names an unknown community");
    new_posts.emplace_back(id, item.as_object().contains("comments") ? integer(item, "posts[]", "comments", 0) : 0);
  }
  std::vector<Target> comments, replies, edits, deletions, likes;
  for (const auto& item : list(spec, "comments")) {
    comments.push_back(read_target(dataset, item, "comments[]", false));
    comments.back().count = integer(item, "comments[]", "count", 1);
  }
  for (const auto& item : list(spec, "replies")) {
    replies.push_back(read_target(dataset, item, "replies[]", true));
    replies.back().count = integer(item, "replies[]", "count", 1);
    const Post* post = dataset.post(replies.back().owner_id, replies.back().post_id);
    if (dataset.comments(*post).find(replies.back().comment_id)->thread_root_id)
      throw std::invalid_argument("replies[] must name a top-level comment");
  }
  for (const auto& item : list(spec, "edits")) edits.push_back(read_target(dataset, item, "edits[]", true));
  for (const auto& item : list(spec, "deletions")) deletions.push_back(read_target(dataset, item, "deletions[]", true));
  for (const auto& item : list(spec, "likes")) {
    likes.push_back(read_target(dataset, item, "likes[]", false));
    likes.back().count = integer(item, "likes[]", "likes", 0);
  }

  json::array added_posts;
  json::array added_comments;
  std::uint64_t step = 0;
  const auto next_seed = [&] { return mix(seed, ++step); };
  const auto add_comments = [&](std::int64_t owner_id, std::int64_t post_id, std::optional<std::int64_t> root,
                                std::int64_t count) {
    for (std::int64_t i = 0; i < count; ++i) {
      const Comment* c = dataset.add_comment(owner_id, post_id, root, next_seed());
      added_comments.push_back(json::object{{"owner_id", c->owner_id},
                                            {"post_id", c->post_id},
                                            {"id", c->id},
                                            {"parent_id", root ? json::value(*root) : json::value(nullptr)}});
    }
  };
  for (const auto& [community_id, count] : new_posts) {
    const Post* post = dataset.add_post(community_id, next_seed());
    const std::int64_t owner_id = post->owner_id;
    const std::int64_t post_id = post->id;
    added_posts.push_back(json::object{{"owner_id", owner_id}, {"id", post_id}});
    add_comments(owner_id, post_id, std::nullopt, count);
  }
  for (const Target& t : comments) add_comments(t.owner_id, t.post_id, std::nullopt, t.count);
  for (const Target& t : replies) add_comments(t.owner_id, t.post_id, t.comment_id, t.count);
  for (const Target& t : edits) dataset.edit_comment(t.owner_id, t.post_id, t.comment_id, next_seed());
  for (const Target& t : deletions) dataset.delete_comment(t.owner_id, t.post_id, t.comment_id);
  for (const Target& t : likes) dataset.set_post_likes(t.owner_id, t.post_id, t.count);
  return json::object{{"posts", std::move(added_posts)}, {"comments", std::move(added_comments)}};
}

}  // namespace vka::sim
