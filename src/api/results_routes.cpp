#include <boost/json/array.hpp>

#include <functional>

#include "api/authenticated.hpp"
#include "api/results_json.hpp"
#include "api/results_query.hpp"
#include "api/routes.hpp"
#include "api/task_access.hpp"
#include "http/encoded_envelope.hpp"
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

// A page's items and meta, read from the store.
struct Page {
  boost::json::array items;
  boost::json::object meta;
};

// A store page as JSON: cursor(key) makes meta.next_cursor from the position after the page's last row.
Page page_of(const auto& page, int limit, std::optional<std::int64_t> total, const auto& to_json, const auto& cursor) {
  boost::json::array items;
  for (const auto& row : page.items) items.push_back(to_json(row));
  return {std::move(items), page_meta(limit, page.next ? std::optional{cursor(*page.next)} : std::nullopt, total)};
}

std::string page_key(const http::Request& request) { return request.path + "?" + request.query; }

// A page kept for this address answers with one read of the database, the content version: at the version it
// was kept at, its task is unchanged (PageCache), so only the caller's access to it is checked.
std::optional<http::Response> cached_page(Services& services, const http::Request& request,
                                          const auth::Principal& principal) {
  const auto key = page_key(request);
  if (!services.page_cache.holds(key)) return std::nullopt;
  auto cached = services.page_cache.find(key, services.store.results().content_version());
  if (!cached) return std::nullopt;
  require_visible(services, principal, request.path_param("id"), cached->task_owner);
  return cached->page.respond(request);
}

// Pages of finished tasks are kept in the page cache; a running task's pages change with every write, so they
// are not.
http::Response answer(Services& services, const http::Request& request, const domain::Task& task,
                      const std::function<Page()>& read) {
  if (!domain::is_terminal(task.status)) {
    auto page = read();
    return http::envelope(request, 200, std::move(page.items), std::move(page.meta));
  }
  const auto version = services.store.results().content_version();  // before the rows: see PageCache
  auto page = read();
  CachedPage cached{http::EncodedEnvelope{std::move(page.items), std::move(page.meta)}, task.owner};
  auto response = cached.page.respond(request);
  services.page_cache.store(page_key(request), version, std::move(cached));
  return response;
}

http::Response list_posts(Services& services, http::Request& request, const auth::Principal& principal) {
  if (auto cached = cached_page(services, request, principal)) return std::move(*cached);
  const auto task = visible_task(services, principal, request.path_param("id"));
  const QueryParams params{request};
  const auto query = parse_post_query(params, task.id);
  return answer(services, request, task, [&] {
    auto& results = services.store.results();
    const auto total = wants_count(params) ? std::optional{results.count_posts(query)} : std::nullopt;
    return page_of(results.posts(query), query.limit, total, post_to_json,
                   [&](const store::RowKey& next) { return post_cursor(query, next); });
  });
}

http::Response list_comments(Services& services, http::Request& request, const auth::Principal& principal) {
  if (auto cached = cached_page(services, request, principal)) return std::move(*cached);
  const auto task = visible_task(services, principal, request.path_param("id"));
  const QueryParams params{request};
  const auto query = parse_comment_query(params, task.id, services.analyzer);
  const bool counted = wants_count(params);
  if (has_unsearchable_q(params, query.filter))
    return http::envelope(request, 200, boost::json::array{},
                          page_meta(query.limit, std::nullopt, counted ? std::optional{0} : std::nullopt));
  return answer(services, request, task, [&] {
    auto& results = services.store.results();
    const auto total = counted ? std::optional{results.count_comments(query.filter)} : std::nullopt;
    return page_of(results.comments(query), query.limit, total, comment_to_json,
                   [&](const store::RowKey& next) { return comment_cursor(query, next); });
  });
}

}  // namespace

void add_results_routes(http::Router& router, Services& services) {
  router.add("GET", "/api/v1/tasks/{id}/posts", authenticated(services, list_posts).taking(post_list_query_names()));
  router.add("GET", "/api/v1/tasks/{id}/comments",
             authenticated(services, list_comments).taking(comment_list_query_names()));
}

}  // namespace vka::api
