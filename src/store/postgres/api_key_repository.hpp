#pragma once
#include "store/api_key_repository.hpp"
#include "store/postgres/database.hpp"

namespace vka::store::postgres {

class PostgresApiKeyRepository final : public ApiKeyRepository {
 public:
  explicit PostgresApiKeyRepository(Database& database) : database_(database) {}

  void create(const ApiKey& key) override;
  std::optional<ApiKey> find_by_hash(std::string_view key_hash) override;
  std::vector<ApiKey> list() override;
  bool revoke(std::string_view id, domain::Timestamp at) override;

 private:
  Database& database_;
};

}  // namespace vka::store::postgres
