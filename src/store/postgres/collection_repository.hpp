#pragma once
#include "store/collection_repository.hpp"
#include "store/postgres/database.hpp"

namespace vka::store::postgres {

class PostgresCollectionRepository final : public CollectionRepository {
 public:
  explicit PostgresCollectionRepository(Database& database) : database_(database) {}

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

}  // namespace vka::store::postgres
