#include "api/results_json.hpp"

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
          {"url", domain::post_url({post.owner_id, post.id})},
          {"community_name", nullable(row.community_name)},
          {"first_seen_at", domain::format_rfc3339(row.first_seen_at)},
          {"last_seen_at", domain::format_rfc3339(row.last_seen_at)}};
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
          {"keywords", std::move(keywords)},
          {"community_name", nullable(row.community_name)},
          {"url", domain::comment_url({comment.owner_id, comment.post_id}, comment.id, comment.thread_root_id)},
          {"first_seen_at", domain::format_rfc3339(row.first_seen_at)},
          {"last_seen_at", domain::format_rfc3339(row.last_seen_at)}};
}

}  // namespace vka::api
