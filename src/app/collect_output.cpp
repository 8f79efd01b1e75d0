#include "app/collect_output.hpp"

#include <boost/json/serialize.hpp>

#include "api/csv.hpp"
#include "api/results_json.hpp"

namespace vka::app {

namespace {

// Writes one row at a time through a reused buffer; stops early when the stream fails.
template <typename Row, typename Json, typename Fields>
class RowWriter {
 public:
  RowWriter(OutputFormat format, std::ostream& out, Json json, Fields fields)
      : format_(format), out_(out), json_(json), fields_(fields) {}

  void header(const std::vector<std::string>& columns) {
    if (format_ != OutputFormat::csv) return;
    buffer_.clear();
    api::append_csv_row(buffer_, columns);
    out_ << buffer_;
  }

  bool operator()(const Row& row) {
    buffer_.clear();
    if (format_ == OutputFormat::csv) {
      api::append_csv_row(buffer_, fields_(row));
    } else {
      buffer_ = boost::json::serialize(json_(row));
      buffer_ += '\n';
    }
    out_ << buffer_;
    ++written_;
    return static_cast<bool>(out_);
  }

  std::int64_t written() const { return written_; }

 private:
  OutputFormat format_;
  std::ostream& out_;
  Json json_;
  Fields fields_;
  std::string buffer_;
  std::int64_t written_ = 0;
};

template <typename Row, typename Json, typename Fields, typename ForEach>
std::int64_t write_all(OutputFormat format, std::ostream& out, const std::vector<std::string>& columns, Json json,
                       Fields fields, ForEach for_each) {
  RowWriter<Row, Json, Fields> writer{format, out, json, fields};
  writer.header(columns);
  for_each([&writer](const Row& row) { return writer(row); });
  return writer.written();
}

}  // namespace

std::int64_t write_rows(store::ResultsRepository& results, const std::string& task_id, OutputRows rows,
                        OutputFormat format, std::ostream& out) {
  if (rows == OutputRows::posts) {
    const store::PostQuery query{.task_id = task_id};
    return write_all<store::PostRow>(format, out, api::post_csv_columns(), api::post_to_json, api::post_csv_fields,
                                     [&](const auto& visit) { results.for_each_post(query, visit); });
  }
  const store::CommentQuery query{.filter = {.task_id = task_id}};
  return write_all<store::CommentRow>(format, out, api::comment_csv_columns(), api::comment_to_json,
                                      api::comment_csv_fields,
                                      [&](const auto& visit) { results.for_each_comment(query, visit); });
}

}  // namespace vka::app
