#pragma once
// Collection writes, fenced by the job lease, in SQL both engines run; page upserts come from the dialect.
#include "store/collection_repository.hpp"
#include "store/sql/engines.hpp"

namespace vka::store::sql {

template <class Database>
class CollectionRepositoryOn final : public CollectionRepository {
 public:
  explicit CollectionRepositoryOn(Database& database) : database_(database) {}

  WriteResult link_communities(const LeaseToken& lease, const CommunitiesWrite& write) override;
  WriteResult write_posts(const LeaseToken& lease, const PostsPageWrite& write) override;
  WriteResult write_comments(const LeaseToken& lease, const CommentsPageWrite& write) override;
  WriteResult finish_community(const LeaseToken& lease, std::int64_t community_id, const LinkFinish& finish) override;
  WriteResult finish_post(const LeaseToken& lease, std::int64_t owner_id, std::int64_t post_id,
                          const LinkFinish& finish) override;

  std::vector<CommunityState> communities(std::string_view task_id) override;
  std::vector<PostState> posts(const PostStateQuery& query) override;

 private:
  Database& database_;
};

extern template class CollectionRepositoryOn<sqlite::Database>;
extern template class CollectionRepositoryOn<postgres::Database>;

}  // namespace vka::store::sql
