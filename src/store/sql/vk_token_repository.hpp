#pragma once
// Stored VK tokens in SQL both engines run: parameters are numbered SQLite's way (?1, ?2), which PostgreSQL's
// connection renumbers. Instantiated for sqlite::Database and postgres::Database in the .cpp.
#include "store/sql/engines.hpp"
#include "store/vk_token_repository.hpp"

namespace vka::store::sql {

template <class Database>
class VkTokenRepositoryOn final : public VkTokenRepository {
 public:
  explicit VkTokenRepositoryOn(Database& database) : database_(database) {}

  void create(const VkToken& token) override;
  VkTokenPage list(const VkTokenListQuery& query) override;
  std::optional<VkToken> get(std::string_view id) override;
  bool remove(std::string_view id) override;

 private:
  Database& database_;
};

extern template class VkTokenRepositoryOn<sqlite::Database>;
extern template class VkTokenRepositoryOn<postgres::Database>;

}  // namespace vka::store::sql
