#pragma once
#include "store/postgres/database.hpp"
#include "store/vk_token_repository.hpp"

namespace vka::store::postgres {

class PostgresVkTokenRepository final : public VkTokenRepository {
 public:
  explicit PostgresVkTokenRepository(Database& database) : database_(database) {}

  void create(const VkToken& token) override;
  VkTokenPage list(const VkTokenListQuery& query) override;
  std::optional<VkToken> get(std::string_view id) override;
  bool remove(std::string_view id) override;

 private:
  Database& database_;
};

}  // namespace vka::store::postgres
