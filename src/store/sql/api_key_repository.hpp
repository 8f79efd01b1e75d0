#pragma once
// API keys in SQL both engines run: parameters are numbered SQLite's way (?1, ?2), which PostgreSQL's
// connection renumbers. Instantiated for sqlite::Database and postgres::Database in the .cpp.
#include "store/api_key_repository.hpp"
#include "store/sql/engines.hpp"

namespace vka::store::sql {

template <class Database>
class ApiKeyRepositoryOn final : public ApiKeyRepository {
 public:
  explicit ApiKeyRepositoryOn(Database& database) : database_(database) {}

  void create(const ApiKey& key) override;
  std::optional<ApiKey> find_by_hash(std::string_view key_hash) override;
  std::vector<ApiKey> list() override;
  bool revoke(std::string_view id, domain::Timestamp at) override;
  std::optional<ApiKey> get(std::string_view id) override;
  int revoke_owned(std::string_view owner_id, domain::Timestamp at) override;
  bool mark_used(std::string_view id, domain::Timestamp at, std::chrono::seconds resolution) override;

 private:
  Database& database_;
};

extern template class ApiKeyRepositoryOn<sqlite::Database>;
extern template class ApiKeyRepositoryOn<postgres::Database>;

}  // namespace vka::store::sql
