#pragma once
#include "store/api_key_repository.hpp"
#include "store/sqlite/database.hpp"

namespace vka::store::sqlite {

class SqliteApiKeyRepository final : public ApiKeyRepository {
 public:
  explicit SqliteApiKeyRepository(Database& database) : database_(database) {}

  void create(const ApiKey& key) override;
  std::optional<ApiKey> find_by_hash(std::string_view key_hash) override;
  std::vector<ApiKey> list() override;
  bool revoke(std::string_view id, domain::Timestamp at) override;

 private:
  Database& database_;
};

}  // namespace vka::store::sqlite
