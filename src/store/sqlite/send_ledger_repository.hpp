#pragma once
#include "store/send_ledger_repository.hpp"
#include "store/sqlite/database.hpp"

namespace vka::store::sqlite {

class SqliteSendLedgerRepository final : public SendLedgerRepository {
 public:
  explicit SqliteSendLedgerRepository(Database& database) : database_(database) {}

  std::chrono::microseconds book(std::string_view token_key, std::size_t limit,
                                 std::chrono::microseconds window) override;

 private:
  Database& database_;
};

}  // namespace vka::store::sqlite
