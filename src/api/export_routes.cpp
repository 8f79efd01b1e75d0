#include <fmt/format.h>

#include "api/authenticated.hpp"
#include "api/export_options.hpp"
#include "api/export_rows.hpp"
#include "api/results_json.hpp"
#include "api/results_query.hpp"
#include "api/routes.hpp"
#include "api/table_encoder.hpp"
#include "api/task_access.hpp"
#include "http/api_error.hpp"
#include "http/json_text.hpp"
#include "http/query_names.hpp"

namespace vka::api {

namespace {

// Reads one keyset page per chunk, so memory stays constant whatever the size of the export. CSV and XLSX
// go through a table encoder (a workbook is sent once it is complete), NDJSON straight from the rows.
template <typename Query, typename Fetch, typename Json, typename Cells>
class ExportStream final : public http::BodyStream {
 public:
  ExportStream(Query query, std::unique_ptr<TableEncoder> table, Fetch fetch, Json json, Cells cells)
      : query_(std::move(query)), table_(std::move(table)), fetch_(fetch), json_(json), cells_(cells) {
    query_.limit = 500;
  }

  std::optional<std::string> next_chunk() override {
    if (rows_done_) {
      auto rest = table_ ? table_->take() : std::string{};
      if (rest.empty()) return std::nullopt;
      return rest;
    }
    std::string chunk;
    const auto page = fetch_(query_);
    for (const auto& row : page.items) {
      if (table_) {
        table_->add(cells_(row));
      } else {
        chunk += http::to_json_text(json_(row)) + "\n";
      }
    }
    query_.after = page.next;
    rows_done_ = !page.next;
    if (!table_) return chunk;
    if (rows_done_) table_->finish();
    return table_->take();
  }
  std::chrono::milliseconds poll_interval() const override { return std::chrono::milliseconds{0}; }

 private:
  Query query_;
  std::unique_ptr<TableEncoder> table_;  // nullptr for NDJSON
  Fetch fetch_;
  Json json_;
  Cells cells_;
  bool rows_done_ = false;
};

template <typename Query, typename Fetch, typename Json, typename Cells>
std::shared_ptr<http::BodyStream> make_export(Query query, const ExportOptions& options,
                                              const std::vector<std::string>& columns, std::string_view sheet,
                                              Fetch fetch, Json json, Cells cells) {
  auto table = options.format == ExportFormat::ndjson ? nullptr : make_table_encoder(options, columns, sheet);
  return std::make_shared<ExportStream<Query, Fetch, Json, Cells>>(std::move(query), std::move(table), fetch, json,
                                                                   cells);
}

ExportOptions parse_options(const QueryParams& params) {
  auto options = parse_export_options({.format = params.get("format"),
                                       .delimiter = params.get("delimiter"),
                                       .bom = params.get("bom"),
                                       .tz = params.get("tz")});
  if (!options) {
    const auto& problem = options.error();
    throw http::validation_failed(fmt::format("{} {}.", problem.field, problem.message),
                                  {{problem.field, problem.message}});
  }
  return *options;
}

http::Response export_rows(Services& services, http::Request& request, const auth::Principal& principal) {
  const auto task = visible_task(services, principal, request.path_param("id"));
  const QueryParams params{request};
  const auto what = params.get("what").value_or("comments");
  if (what != "comments" && what != "posts")
    throw http::validation_failed("Unknown export.", {{"what", "must be comments or posts"}});
  const auto options = parse_options(params);
  auto& results = services.store.results();

  http::Response response;
  if (what == "posts") {
    http::check_query_names(request.query, post_export_query_names());  // no comment filter is silently ignored
    auto query = parse_post_query(params, task.id);
    response.stream = make_export(
        std::move(query), options, post_export_columns(), "posts",
        [&results](const store::PostQuery& q) { return results.posts(q); }, post_to_json, post_export_cells);
  } else {
    auto query = parse_comment_query(params, task.id, services.analyzer);
    const bool searchable = !has_unsearchable_q(params, query.filter);
    response.stream = make_export(
        std::move(query), options, comment_export_columns(), "comments",
        [&results, searchable](const store::CommentQuery& q) {
          return searchable ? results.comments(q) : store::CommentPage{};
        },
        comment_to_json, comment_export_cells);
  }
  response.headers.set("Content-Type", std::string{content_type(options.format)});
  response.headers.set("Content-Disposition",
                       fmt::format("attachment; filename=\"{}-{}.{}\"", task.id, what, file_extension(options.format)));
  response.headers.set("Cache-Control", "no-store");
  return response;
}

}  // namespace

void add_export_routes(http::Router& router, Services& services) {
  router.add("GET", "/api/v1/tasks/{id}/export",
             authenticated(services, export_rows, http::Cost::expensive).taking(export_query_names()));
}

}  // namespace vka::api
