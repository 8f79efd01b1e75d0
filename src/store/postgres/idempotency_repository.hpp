#pragma once
#include "store/idempotency_repository.hpp"
#include "store/postgres/database.hpp"

namespace vka::store::postgres {

class PostgresIdempotencyRepository final : public IdempotencyRepository {
 public:
  explicit PostgresIdempotencyRepository(Database& database) : database_(database) {}

  IdempotencyBegin begin(std::string_view owner, std::string_view key, std::string_view request_hash,
                         domain::Timestamp now) override;
  bool complete(std::string_view owner, std::string_view key, const StoredResponse& response) override;
  void abandon(std::string_view owner, std::string_view key) override;

 private:
  Database& database_;
};

}  // namespace vka::store::postgres
