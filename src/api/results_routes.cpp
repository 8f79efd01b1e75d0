#include <boost/json/array.hpp>

#include "api/authenticated.hpp"
#include "api/results_json.hpp"
#include "api/results_query.hpp"
#include "api/routes.hpp"
#include "api/task_access.hpp"
#include "http/envelope.hpp"

namespace vka::api {

namespace {

boost::json::object page_meta(int limit, const std::optional<std::string>& next_cursor) {
  return {{"limit", limit},
          {"next_cursor", next_cursor ? boost::json::value(*next_cursor) : boost::json::value(nullptr)}};
}

http::Response list_posts(Services& services, http::Request& request, const auth::Principal& principal) {
  const auto task = visible_task(services, principal, request.path_param("id"));
  const QueryParams params{request};
  const auto query = parse_post_query(params, task.id);
  const auto page = services.store.results().posts(query);
  boost::json::array items;
  for (const auto& row : page.items) items.push_back(post_to_json(row));
  return http::envelope(
      request, 200, std::move(items),
      page_meta(query.limit, page.next ? std::optional{post_cursor(query, *page.next)} : std::nullopt));
}

http::Response list_comments(Services& services, http::Request& request, const auth::Principal& principal) {
  const auto task = visible_task(services, principal, request.path_param("id"));
  const QueryParams params{request};
  const auto query = parse_comment_query(params, task.id, services.analyzer);
  if (has_unsearchable_q(params, query))
    return http::envelope(request, 200, boost::json::array{}, page_meta(query.limit, std::nullopt));
  const auto page = services.store.results().comments(query);
  boost::json::array items;
  for (const auto& row : page.items) items.push_back(comment_to_json(row));
  return http::envelope(
      request, 200, std::move(items),
      page_meta(query.limit, page.next ? std::optional{comment_cursor(query, *page.next)} : std::nullopt));
}

}  // namespace

void add_results_routes(http::Router& router, Services& services) {
  router.add("GET", "/api/v1/tasks/{id}/posts", authenticated(services, list_posts));
  router.add("GET", "/api/v1/tasks/{id}/comments", authenticated(services, list_comments));
}

}  // namespace vka::api
