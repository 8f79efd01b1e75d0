#include "api/results_json.hpp"

#include <fmt/format.h>
#include <boost/json/array.hpp>

#include "api/analysis_json.hpp"
#include "domain/post_ref.hpp"

namespace vka::api {

namespace {

template <typename T>
boost::json::value nullable(const std::optional<T>& value) {
  if (!value) return nullptr;
  return boost::json::value(*value);
}

template <typename T>
std::string optional_text(const std::optional<T>& value) {
  return value ? fmt::format("{}", *value) : std::string{};
}

std::string joined(const std::vector<std::string>& words) { return fmt::format("{}", fmt::join(words, " ")); }

}  // namespace

boost::json::object post_to_json(const store::PostRow& row) {
  const auto& post = row.post;
  return {{"owner_id", post.owner_id},
          {"id", post.id},
          {"date", domain::format_rfc3339(post.date)},
          {"text", post.text},
          {"likes", post.likes},
          {"reposts", post.reposts},
          {"views", nullable(post.views)},
          {"comments_count", post.comments_count},
          {"comments_collected", row.comments_collected},
          {"is_pinned", post.is_pinned},
          {"url", domain::post_url({post.owner_id, post.id})}};
}

boost::json::object comment_to_json(const store::CommentRow& row) {
  const auto& comment = row.comment;
  boost::json::array keywords;
  for (const auto& keyword : comment.keywords) keywords.emplace_back(keyword);
  return {{"owner_id", comment.owner_id},
          {"post_id", comment.post_id},
          {"id", comment.id},
          {"parent_id", nullable(comment.parent_id)},
          {"thread_root_id", nullable(comment.thread_root_id)},
          {"from_id", comment.from_id},
          {"author_name", nullable(row.author_name)},
          {"date", domain::format_rfc3339(comment.date)},
          {"text", comment.text},
          {"likes", comment.likes},
          {"deleted", comment.deleted},
          {"sentiment",
           comment.sentiment ? boost::json::value(domain::to_string(*comment.sentiment)) : boost::json::value(nullptr)},
          {"sentiment_score", comment.sentiment_score ? boost::json::value(round_score(*comment.sentiment_score))
                                                      : boost::json::value(nullptr)},
          {"keywords", std::move(keywords)}};
}

const std::vector<std::string>& post_csv_columns() {
  static const std::vector<std::string> columns{
      "owner_id",           "id",        "date", "text", "likes", "reposts", "views", "comments_count",
      "comments_collected", "is_pinned", "url"};
  return columns;
}

const std::vector<std::string>& comment_csv_columns() {
  static const std::vector<std::string> columns{
      "owner_id", "post_id", "id",    "parent_id", "thread_root_id", "from_id",         "author_name",
      "date",     "text",    "likes", "deleted",   "sentiment",      "sentiment_score", "keywords"};
  return columns;
}

std::vector<std::string> post_csv_fields(const store::PostRow& row) {
  const auto& post = row.post;
  return {std::to_string(post.owner_id),
          std::to_string(post.id),
          domain::format_rfc3339(post.date),
          post.text,
          std::to_string(post.likes),
          std::to_string(post.reposts),
          optional_text(post.views),
          std::to_string(post.comments_count),
          std::to_string(row.comments_collected),
          post.is_pinned ? "true" : "false",
          domain::post_url({post.owner_id, post.id})};
}

std::vector<std::string> comment_csv_fields(const store::CommentRow& row) {
  const auto& comment = row.comment;
  return {std::to_string(comment.owner_id),
          std::to_string(comment.post_id),
          std::to_string(comment.id),
          optional_text(comment.parent_id),
          optional_text(comment.thread_root_id),
          std::to_string(comment.from_id),
          row.author_name.value_or(""),
          domain::format_rfc3339(comment.date),
          comment.text,
          std::to_string(comment.likes),
          comment.deleted ? "true" : "false",
          comment.sentiment ? std::string{domain::to_string(*comment.sentiment)} : "",
          comment.sentiment_score ? fmt::format("{:.3f}", *comment.sentiment_score) : "",
          joined(comment.keywords)};
}

}  // namespace vka::api
