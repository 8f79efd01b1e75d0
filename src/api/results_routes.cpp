#include <boost/json/array.hpp>

#include "api/authenticated.hpp"
#include "api/results_json.hpp"
#include "api/results_query.hpp"
#include "api/routes.hpp"
#include "api/task_access.hpp"
#include "http/envelope.hpp"

namespace vka::api {

namespace {

// meta.total only on request (?count=true): counting costs a pass over every row the filter selects.
boost::json::object page_meta(int limit, const std::optional<std::string>& next_cursor,
                              std::optional<std::int64_t> total) {
  boost::json::object meta{
      {"limit", limit}, {"next_cursor", next_cursor ? boost::json::value(*next_cursor) : boost::json::value(nullptr)}};
  if (total) meta["total"] = *total;
  return meta;
}

http::Response list_posts(Services& services, http::Request& request, const auth::Principal& principal) {
  const auto task = visible_task(services, principal, request.path_param("id"));
  const QueryParams params{request};
  const auto query = parse_post_query(params, task.id);
  auto& results = services.store.results();
  const auto total = wants_count(params) ? std::optional{results.count_posts(query)} : std::nullopt;
  const auto page = results.posts(query);
  boost::json::array items;
  for (const auto& row : page.items) items.push_back(post_to_json(row));
  return http::envelope(
      request, 200, std::move(items),
      page_meta(query.limit, page.next ? std::optional{post_cursor(query, *page.next)} : std::nullopt, total));
}

http::Response list_comments(Services& services, http::Request& request, const auth::Principal& principal) {
  const auto task = visible_task(services, principal, request.path_param("id"));
  const QueryParams params{request};
  const auto query = parse_comment_query(params, task.id, services.analyzer);
  const bool counted = wants_count(params);
  if (has_unsearchable_q(params, query.filter))
    return http::envelope(request, 200, boost::json::array{},
                          page_meta(query.limit, std::nullopt, counted ? std::optional{0} : std::nullopt));
  auto& results = services.store.results();
  const auto total = counted ? std::optional{results.count_comments(query.filter)} : std::nullopt;
  const auto page = results.comments(query);
  boost::json::array items;
  for (const auto& row : page.items) items.push_back(comment_to_json(row));
  return http::envelope(
      request, 200, std::move(items),
      page_meta(query.limit, page.next ? std::optional{comment_cursor(query, *page.next)} : std::nullopt, total));
}

}  // namespace

void add_results_routes(http::Router& router, Services& services) {
  router.add("GET", "/api/v1/tasks/{id}/posts", authenticated(services, list_posts).taking(post_list_query_names()));
  router.add("GET", "/api/v1/tasks/{id}/comments",
             authenticated(services, list_comments).taking(comment_list_query_names()));
}

}  // namespace vka::api
