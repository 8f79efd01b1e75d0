#pragma once
#include "store/postgres/database.hpp"
#include "store/results_repository.hpp"

namespace vka::store::postgres {

class PostgresResultsRepository final : public ResultsRepository {
 public:
  explicit PostgresResultsRepository(Database& database) : database_(database) {}

  PostPage posts(const PostQuery& query) override;
  CommentPage comments(const CommentQuery& query) override;
  void for_each_post(const PostQuery& query, const std::function<bool(const PostRow&)>& visit) override;
  void for_each_comment(const CommentQuery& query, const std::function<bool(const CommentRow&)>& visit) override;
  void for_each_keywords(const CommentFilter& filter,
                         const std::function<void(const std::vector<std::string>&)>& visit) override;
  // In analytics.cpp.
  Analytics analytics(const AnalyticsFilter& filter) override;

 private:
  Database& database_;
};

}  // namespace vka::store::postgres
