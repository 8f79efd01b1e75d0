// wall.get, wall.getById and wall.getComments (docs/vk-api.md §4.1–4.3, §8).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>
#include <array>
#include <charconv>

#include "sim/comment_page.hpp"
#include "sim/methods.hpp"
#include "sim/vk_error.hpp"
#include "sim/vk_objects.hpp"

namespace vka::sim {

namespace json = boost::json;

namespace {

constexpr std::int64_t kMaxOffset = 1'000'000'000'000;

void check_wall_access(const Community& community) {
  if (community.deactivated) throw VkError{15, "Access denied: group is blocked"};
  if (community.is_closed != 0) throw VkError{15, "Access denied: this wall available only for community members"};
}

// The wall's owner from owner_id or domain. A user's wall exists but is empty: the simulated
// users post nothing. Unknown owners are error 100 (VK publishes no dedicated code for them).
const Community* wall_owner(const Dataset& dataset, const Params& params) {
  if (const auto owner_id = params.integer("owner_id")) {
    if (*owner_id < 0) {
      const auto* community = dataset.community(-*owner_id);
      if (!community) throw invalid_parameter("owner_id is invalid");
      return community;
    }
    const auto* user = *owner_id > 0 ? dataset.user(*owner_id) : nullptr;
    if (!user) throw invalid_parameter("owner_id is invalid");
    if (user->deactivated) throw VkError{18, "User was deleted or banned"};
    return nullptr;
  }
  const auto domain = params.required_text("domain");
  if (const auto* community = find_community(dataset, domain)) return community;
  if (domain.starts_with("id")) {
    std::int64_t id = 0;
    const auto digits = domain.substr(2);
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
    if (error == std::errc{} && end == digits.data() + digits.size() && dataset.user(id)) return nullptr;
  }
  throw invalid_parameter("domain is invalid");
}

json::object empty_page(bool extended) {
  json::object response{{"count", 0}, {"items", json::array{}}};
  if (extended) {
    response["profiles"] = json::array{};
    response["groups"] = json::array{};
  }
  return response;
}

}  // namespace

json::value wall_get(const Dataset& dataset, const Params& params) {
  const auto* owner = wall_owner(dataset, params);
  const auto offset = params.integer_in("offset", 0, 0, kMaxOffset);
  const auto count = params.integer_in("count", 20, 0, 100);
  const auto filter = params.get("filter").value_or("all");
  static constexpr std::array<std::string_view, 8> filters{"owner",    "others",   "all",   "postponed",
                                                           "suggests", "archived", "donut", ""};
  if (std::find(filters.begin(), filters.end(), filter) == filters.end()) throw invalid_parameter("filter is invalid");
  const bool extended = params.flag("extended");
  if (!owner) return empty_page(extended);
  check_wall_access(*owner);
  // Every simulated post is the community's own, published one.
  if (filter != "all" && filter != "owner" && !filter.empty()) return empty_page(extended);

  const auto wall = dataset.wall(owner->id);
  json::array items;
  Authors authors;
  const auto begin = std::min<std::size_t>(static_cast<std::size_t>(offset), wall.size());
  const auto end = std::min<std::size_t>(begin + static_cast<std::size_t>(count), wall.size());
  for (auto i = begin; i < end; ++i) {
    items.push_back(post_json(wall[i], *owner, dataset.comments(wall[i])));
    authors.add(wall[i].owner_id);
  }
  json::object response{{"count", wall.size()}, {"items", std::move(items)}};
  if (extended) authors.attach_to(response, dataset);
  return response;
}

json::value wall_get_by_id(const Dataset& dataset, const Params& params) {
  const auto ids = split_list(params.required_text("posts"));
  if (ids.size() > 100) throw invalid_parameter("posts is too long, at most 100 posts");
  json::array items;
  Authors authors;
  for (const auto id : ids) {
    const auto underscore = id.find('_', 1);
    std::int64_t owner_id = 0;
    std::int64_t post_id = 0;
    const auto owner_text = id.substr(0, underscore);
    const auto post_text = underscore == std::string_view::npos ? std::string_view{} : id.substr(underscore + 1);
    const auto owner_parsed = std::from_chars(owner_text.data(), owner_text.data() + owner_text.size(), owner_id);
    const auto post_parsed = std::from_chars(post_text.data(), post_text.data() + post_text.size(), post_id);
    if (post_text.empty() || owner_parsed.ec != std::errc{} ||
        owner_parsed.ptr != owner_text.data() + owner_text.size() || post_parsed.ec != std::errc{} ||
        post_parsed.ptr != post_text.data() + post_text.size())
      throw invalid_parameter("posts is invalid: expected <owner_id>_<post_id>");
    // Posts that do not exist or cannot be read are left out, not reported.
    const auto* community = owner_id < 0 ? dataset.community(-owner_id) : nullptr;
    if (!community || community->deactivated || community->is_closed != 0) continue;
    if (const auto* post = dataset.post(owner_id, post_id)) {
      items.push_back(post_json(*post, *community, dataset.comments(*post)));
      authors.add(owner_id);
    }
  }
  json::object response{{"items", std::move(items)}};
  if (params.flag("extended")) authors.attach_to(response, dataset);
  return response;
}

json::value wall_get_comments(const Dataset& dataset, const Params& params) {
  const auto owner_id = params.required_integer("owner_id");
  const auto post_id = params.required_integer("post_id");
  const auto* community = owner_id < 0 ? dataset.community(-owner_id) : nullptr;
  if (!community) throw invalid_parameter("owner_id is invalid");
  check_wall_access(*community);
  const auto* post = dataset.post(owner_id, post_id);
  if (!post) throw invalid_parameter("post_id is invalid");
  if (community->comments_closed) throw VkError{212, "Access to post comments denied"};

  const auto sort = params.get("sort").value_or("asc");
  if (sort != "asc" && sort != "desc" && sort != "smart") throw invalid_parameter("sort is invalid");
  const bool descending = sort != "asc";  // "smart" (most interesting) is served newest first
  PageQuery query;
  query.start_comment_id = params.integer("start_comment_id");
  query.offset = params.integer_in("offset", 0, query.start_comment_id ? -kMaxOffset : 0, kMaxOffset);
  query.count = params.integer_in("count", 10, 0, 100);
  const auto thread_items = params.integer_in("thread_items_count", 0, 0, 10);
  const CommentView view{params.flag("need_likes"), params.integer_in("preview_length", 0, 0, kMaxOffset)};
  const bool extended = params.flag("extended");

  const auto& comments = dataset.comments(*post);
  const auto branch = params.integer("comment_id");
  std::span<const std::uint32_t> level = comments.top_level;
  if (branch) {
    const auto* root = comments.find(*branch);
    if (!root || root->post_id != post->id) throw invalid_parameter("comment_id is invalid");
    level = comments.replies_of(*branch);
  }
  std::vector<std::int64_t> ids;
  ids.reserve(level.size());
  for (const auto index : level) ids.push_back(comments.items[index].id);
  if (descending) std::reverse(ids.begin(), ids.end());
  const auto range = select_page(ids, descending, query);

  json::array items;
  Authors authors;
  for (auto i = range.begin; i < range.end; ++i) {
    const auto& comment = *comments.find(ids[i]);
    auto item = comment_json(comment, comments, view);
    authors.add(comment.from_id);
    if (!branch) {
      const auto replies = comments.replies_of(comment.id);
      json::array inline_items;
      for (std::size_t r = 0; r < replies.size() && r < static_cast<std::size_t>(thread_items); ++r) {
        const auto& reply = comments.items[replies[r]];
        inline_items.push_back(comment_json(reply, comments, view));
        authors.add(reply.from_id);
      }
      item["thread"] = json::object{{"count", replies.size()},
                                    {"items", std::move(inline_items)},
                                    {"can_post", true},
                                    {"show_reply_button", true},
                                    {"groups_can_post", true}};
    }
    items.push_back(std::move(item));
  }
  const auto total = branch ? level.size() : comments.items.size();
  json::object response{{"count", total},          {"current_level_count", level.size()},
                        {"can_post", true},        {"show_reply_button", true},
                        {"groups_can_post", true}, {"items", std::move(items)}};
  if (extended) {
    authors.attach_to(response, dataset);
    response["post_author_id"] = post->owner_id;
  }
  return response;
}

}  // namespace vka::sim
