#include <fmt/format.h>
#include <boost/json/serialize.hpp>

#include "api/authenticated.hpp"
#include "api/csv.hpp"
#include "api/results_json.hpp"
#include "api/results_query.hpp"
#include "api/routes.hpp"
#include "api/task_access.hpp"
#include "http/api_error.hpp"

namespace vka::api {

namespace {

enum class ExportFormat { csv, ndjson };

// Reads one keyset page per chunk, so memory stays constant whatever the size of the export.
template <typename Query, typename Fetch, typename Json, typename Fields>
class ExportStream final : public http::BodyStream {
 public:
  ExportStream(Query query, ExportFormat format, std::string preamble, Fetch fetch, Json json, Fields fields)
      : query_(std::move(query)),
        format_(format),
        pending_(std::move(preamble)),
        fetch_(fetch),
        json_(json),
        fields_(fields) {
    query_.limit = 500;
  }

  std::optional<std::string> next_chunk() override {
    if (finished_) return std::nullopt;
    std::string chunk = std::move(pending_);
    pending_.clear();
    const auto page = fetch_(query_);
    for (const auto& row : page.items) {
      if (format_ == ExportFormat::csv)
        append_csv_row(chunk, fields_(row));
      else
        chunk += boost::json::serialize(json_(row)) + "\n";
    }
    query_.after = page.next;
    finished_ = !page.next;
    if (chunk.empty()) return finished_ ? std::nullopt : std::optional<std::string>{std::string{}};
    return chunk;
  }
  std::chrono::milliseconds poll_interval() const override { return std::chrono::milliseconds{0}; }

 private:
  Query query_;
  ExportFormat format_;
  std::string pending_;
  Fetch fetch_;
  Json json_;
  Fields fields_;
  bool finished_ = false;
};

template <typename Query, typename Fetch, typename Json, typename Fields>
std::shared_ptr<http::BodyStream> make_export(Query query, ExportFormat format, std::string preamble, Fetch fetch,
                                              Json json, Fields fields) {
  return std::make_shared<ExportStream<Query, Fetch, Json, Fields>>(std::move(query), format, std::move(preamble),
                                                                    fetch, json, fields);
}

std::string csv_header(const std::vector<std::string>& columns, bool bom) {
  std::string header{bom ? csv_bom : ""};
  append_csv_row(header, columns);
  return header;
}

http::Response export_rows(Services& services, http::Request& request, const auth::Principal& principal) {
  const auto task = visible_task(services, principal, request.path_param("id"));
  const QueryParams params{request};
  const auto what = params.get("what").value_or("comments");
  const auto format_name = params.get("format").value_or("csv");
  if (what != "comments" && what != "posts")
    throw http::validation_failed("Unknown export.", {{"what", "must be comments or posts"}});
  if (format_name != "csv" && format_name != "ndjson")
    throw http::validation_failed("Unknown format.", {{"format", "must be csv or ndjson"}});
  const auto bom_text = params.get("bom").value_or("false");
  if (bom_text != "true" && bom_text != "false")
    throw http::validation_failed("bom must be true or false.", {{"bom", "must be true or false"}});
  const auto format = format_name == "csv" ? ExportFormat::csv : ExportFormat::ndjson;
  const bool bom = format == ExportFormat::csv && bom_text == "true";
  auto& results = services.store.results();

  http::Response response;
  if (what == "posts") {
    auto query = parse_post_query(params, task.id);
    response.stream = make_export(
        std::move(query), format, format == ExportFormat::csv ? csv_header(post_csv_columns(), bom) : "",
        [&results](const store::PostQuery& q) { return results.posts(q); }, post_to_json, post_csv_fields);
  } else {
    auto query = parse_comment_query(params, task.id, services.analyzer);
    const bool searchable = !has_unsearchable_q(params, query);
    response.stream = make_export(
        std::move(query), format, format == ExportFormat::csv ? csv_header(comment_csv_columns(), bom) : "",
        [&results, searchable](const store::CommentQuery& q) {
          return searchable ? results.comments(q) : store::CommentPage{};
        },
        comment_to_json, comment_csv_fields);
  }
  response.headers.set("Content-Type", format == ExportFormat::csv ? "text/csv; charset=utf-8; header=present"
                                                                   : "application/x-ndjson; charset=utf-8");
  response.headers.set("Content-Disposition", fmt::format("attachment; filename=\"{}-{}.{}\"", task.id, what,
                                                          format == ExportFormat::csv ? "csv" : "ndjson"));
  response.headers.set("Cache-Control", "no-store");
  return response;
}

}  // namespace

void add_export_routes(http::Router& router, Services& services) {
  router.add("GET", "/api/v1/tasks/{id}/export", authenticated(services, export_rows, http::Cost::expensive));
}

}  // namespace vka::api
