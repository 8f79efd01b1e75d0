#include "app/collect_request.hpp"

#include <boost/json/array.hpp>
#include <fmt/format.h>

#include <charconv>

#include "api/task_input.hpp"
#include "http/api_error.hpp"

namespace vka::app {

namespace {

boost::json::array strings(const std::vector<std::string>& items) {
  boost::json::array array;
  for (const auto& item : items) array.emplace_back(item);
  return array;
}

boost::json::object to_json(const CollectRequest& request) {
  boost::json::object body;
  body["groups"] = strings(request.groups);
  if (!request.posts.empty()) body["posts"] = strings(request.posts);
  if (request.posts_per_group) body["posts_per_group"] = *request.posts_per_group;
  if (request.since) body["since"] = *request.since;
  if (request.until) body["until"] = *request.until;
  if (request.no_threads) body["threads"] = false;
  return body;
}

std::string community_field(std::size_t index) { return fmt::format("community {}", index + 1); }

// The API names the body's fields ("posts[2]", "posts_per_group"); here they become the command line's
// ("--posts 3", "--posts-per-group"). Community items are named by community_field already.
std::string flag_for(const std::string& field) {
  constexpr std::string_view posts_item = "posts[";
  if (field.starts_with(posts_item) && field.ends_with(']')) {
    std::size_t index = 0;
    const auto* begin = field.data() + posts_item.size();
    const auto* end = field.data() + field.size() - 1;
    if (std::from_chars(begin, end, index).ptr == end) return fmt::format("--posts {}", index + 1);
  }
  if (field.starts_with("community ")) return field;
  if (field == "groups") return "communities";
  std::string flag = "--" + field;
  for (char& c : flag)
    if (c == '_') c = '-';
  return flag;
}

}  // namespace

CollectParams to_task_params(const CollectRequest& request) {
  CollectParams result;
  try {
    result.params = api::parse_task_params(to_json(request), community_field);
  } catch (const http::ApiError& error) {
    for (const auto& detail : error.details())
      result.problems.push_back(fmt::format("{}: {}", flag_for(detail.field), detail.problem));
    if (result.problems.empty()) result.problems.emplace_back(error.what());
  }
  return result;
}

}  // namespace vka::app
