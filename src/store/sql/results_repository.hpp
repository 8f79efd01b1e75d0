#pragma once
// What tasks collected, listed, streamed and summed up, in SQL both engines run (analytics in analytics.cpp).
#include "store/phrase_finder.hpp"
#include "store/results_repository.hpp"
#include "store/sql/engines.hpp"

namespace vka::store::sql {

template <class Database>
class ResultsRepositoryOn final : public ResultsRepository {
 public:
  // find_phrases (may be empty): see StoreOptions.
  ResultsRepositoryOn(Database& database, PhraseFinder find_phrases)
      : database_(database), find_phrases_(std::move(find_phrases)) {}

  PostPage posts(const PostQuery& query) override;
  CommentPage comments(const CommentQuery& query) override;
  std::int64_t count_posts(const PostQuery& query) override;
  std::int64_t count_comments(const CommentFilter& filter) override;
  std::int64_t content_version() override;
  void for_each_post(const PostQuery& query, const std::function<bool(const PostRow&)>& visit) override;
  void for_each_comment(const CommentQuery& query, const std::function<bool(const CommentRow&)>& visit) override;
  // In analytics.cpp:
  KeywordCounts keyword_counts(const CommentFilter& filter) override;
  PhraseCounts phrase_counts(const CommentFilter& filter, std::int64_t min_comments) override;
  Analytics analytics(const AnalyticsFilter& filter) override;
  void rebuild_analytics(std::string_view task_id) override;

 private:
  Database& database_;
  PhraseFinder find_phrases_;
};

extern template class ResultsRepositoryOn<sqlite::Database>;
extern template class ResultsRepositoryOn<postgres::Database>;

}  // namespace vka::store::sql
