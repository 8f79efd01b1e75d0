#pragma once
#include "store/postgres/database.hpp"
#include "store/send_ledger_repository.hpp"

namespace vka::store::postgres {

class PostgresSendLedgerRepository final : public SendLedgerRepository {
 public:
  explicit PostgresSendLedgerRepository(Database& database) : database_(database) {}

  std::chrono::microseconds book(std::string_view token_key, std::size_t limit,
                                 std::chrono::microseconds window) override;

 private:
  Database& database_;
};

}  // namespace vka::store::postgres
