#include "api/export_rows.hpp"

#include <fmt/format.h>

#include "api/analysis_json.hpp"
#include "domain/post_ref.hpp"

namespace vka::api {

namespace {

template <typename T>
ExportCell nullable(const std::optional<T>& value) {
  if (!value) return std::monostate{};
  return ExportCell{*value};
}

}  // namespace

const std::vector<std::string>& post_export_columns() {
  static const std::vector<std::string> columns{"owner_id",
                                                "id",
                                                "date",
                                                "text",
                                                "likes",
                                                "reposts",
                                                "views",
                                                "comments_count",
                                                "comments_collected",
                                                "is_pinned",
                                                "url",
                                                "community_name",
                                                "first_seen_at",
                                                "last_seen_at"};
  return columns;
}

const std::vector<std::string>& comment_export_columns() {
  static const std::vector<std::string> columns{
      "owner_id",       "post_id",      "id",    "parent_id",     "thread_root_id", "from_id",         "author_name",
      "date",           "text",         "likes", "deleted",       "sentiment",      "sentiment_score", "keywords",
      "community_name", "post_excerpt", "url",   "first_seen_at", "last_seen_at"};
  return columns;
}

std::vector<ExportCell> post_export_cells(const store::PostRow& row) {
  const auto& post = row.post;
  return {post.owner_id,
          post.id,
          post.date,
          post.text,
          post.likes,
          post.reposts,
          nullable(post.views),
          post.comments_count,
          row.comments_collected,
          post.is_pinned,
          domain::post_url({post.owner_id, post.id}),
          nullable(row.community_name),
          row.first_seen_at,
          row.last_seen_at};
}

std::vector<ExportCell> comment_export_cells(const store::CommentRow& row) {
  const auto& comment = row.comment;
  return {comment.owner_id,
          comment.post_id,
          comment.id,
          nullable(comment.parent_id),
          nullable(comment.thread_root_id),
          comment.from_id,
          nullable(row.author_name),
          comment.date,
          comment.text,
          comment.likes,
          comment.deleted,
          comment.sentiment ? ExportCell{std::string{domain::to_string(*comment.sentiment)}} : std::monostate{},
          comment.sentiment_score ? ExportCell{round_score(*comment.sentiment_score)} : std::monostate{},
          fmt::format("{}", fmt::join(comment.keywords, " ")),
          nullable(row.community_name),
          nullable(row.post_excerpt),
          domain::comment_url({comment.owner_id, comment.post_id}, comment.id, comment.thread_root_id),
          row.first_seen_at,
          row.last_seen_at};
}

}  // namespace vka::api
