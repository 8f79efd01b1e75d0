#include "app/collect_output.hpp"

#include "api/export_rows.hpp"
#include "api/results_json.hpp"
#include "api/table_encoder.hpp"
#include "http/json_text.hpp"

namespace vka::app {

namespace {

// Writes one row at a time; stops early when the stream fails. CSV and XLSX go through a table encoder
// (a workbook is written out once complete), NDJSON straight from the rows.
template <typename Row, typename Json, typename Cells>
class RowWriter {
 public:
  RowWriter(const api::ExportOptions& options, const std::vector<std::string>& columns, std::string_view sheet,
            std::ostream& out, Json json, Cells cells)
      : table_(options.format == api::ExportFormat::ndjson ? nullptr
                                                           : api::make_table_encoder(options, columns, sheet)),
        out_(out),
        json_(json),
        cells_(cells) {}

  bool operator()(const Row& row) {
    if (table_) {
      table_->add(cells_(row));
      out_ << table_->take();
    } else {
      out_ << http::to_json_text(json_(row)) << '\n';
    }
    ++written_;
    return static_cast<bool>(out_);
  }

  void finish() {
    if (!table_) return;
    table_->finish();
    for (auto piece = table_->take(); !piece.empty() && out_; piece = table_->take()) out_ << piece;
  }

  std::int64_t written() const { return written_; }

 private:
  std::unique_ptr<api::TableEncoder> table_;
  std::ostream& out_;
  Json json_;
  Cells cells_;
  std::int64_t written_ = 0;
};

template <typename Row, typename Json, typename Cells, typename ForEach>
std::int64_t write_all(const api::ExportOptions& options, std::ostream& out, const std::vector<std::string>& columns,
                       std::string_view sheet, Json json, Cells cells, ForEach for_each) {
  RowWriter<Row, Json, Cells> writer{options, columns, sheet, out, json, cells};
  for_each([&writer](const Row& row) { return writer(row); });
  writer.finish();
  return writer.written();
}

}  // namespace

std::int64_t write_rows(store::ResultsRepository& results, const std::string& task_id, OutputRows rows,
                        const api::ExportOptions& options, std::ostream& out) {
  if (rows == OutputRows::posts) {
    const store::PostQuery query{.task_id = task_id};
    return write_all<store::PostRow>(options, out, api::post_export_columns(), "posts", api::post_to_json,
                                     api::post_export_cells,
                                     [&](const auto& visit) { results.for_each_post(query, visit); });
  }
  const store::CommentQuery query{.filter = {.task_id = task_id}};
  return write_all<store::CommentRow>(options, out, api::comment_export_columns(), "comments", api::comment_to_json,
                                      api::comment_export_cells,
                                      [&](const auto& visit) { results.for_each_comment(query, visit); });
}

}  // namespace vka::app
