#pragma once
// VK send bookings in SQL both engines run; the lock and the clock come from the dialect.
#include "store/send_ledger_repository.hpp"
#include "store/sql/engines.hpp"

namespace vka::store::sql {

template <class Database>
class SendLedgerRepositoryOn final : public SendLedgerRepository {
 public:
  explicit SendLedgerRepositoryOn(Database& database) : database_(database) {}

  std::chrono::microseconds book(std::string_view token_key, std::size_t limit,
                                 std::chrono::microseconds window) override;

 private:
  Database& database_;
};

extern template class SendLedgerRepositoryOn<sqlite::Database>;
extern template class SendLedgerRepositoryOn<postgres::Database>;

}  // namespace vka::store::sql
