#pragma once
// Idempotency keys in SQL both engines run: parameters are numbered SQLite's way (?1, ?2), which PostgreSQL's
// connection renumbers. Instantiated for sqlite::Database and postgres::Database in the .cpp.
#include "store/idempotency_repository.hpp"
#include "store/sql/engines.hpp"

namespace vka::store::sql {

template <class Database>
class IdempotencyRepositoryOn final : public IdempotencyRepository {
 public:
  explicit IdempotencyRepositoryOn(Database& database) : database_(database) {}

  IdempotencyBegin begin(std::string_view owner, std::string_view key, std::string_view request_hash,
                         domain::Timestamp now) override;
  bool complete(std::string_view owner, std::string_view key, const StoredResponse& response) override;
  void abandon(std::string_view owner, std::string_view key) override;

 private:
  Database& database_;
};

extern template class IdempotencyRepositoryOn<sqlite::Database>;
extern template class IdempotencyRepositoryOn<postgres::Database>;

}  // namespace vka::store::sql
