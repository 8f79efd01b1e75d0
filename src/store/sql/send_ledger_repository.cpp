#include "store/sql/send_ledger_repository.hpp"

#include <vector>

#include "store/postgres/database.hpp"
#include "store/sqlite/database.hpp"

namespace vka::store::sql {

template <class Database>
std::chrono::microseconds SendLedgerRepositoryOn<Database>::book(std::string_view token_key, std::size_t limit,
                                                                 std::chrono::microseconds window) {
  return database_.write([&](auto& c) {
    const std::int64_t now = Database::Dialect::lock_sends(c, token_key);
    std::vector<std::int64_t> recent;
    auto rows = c.query("SELECT sent_at FROM vk_token_sends WHERE token_key = ?1 ORDER BY sent_at DESC LIMIT ?2",
                        token_key, static_cast<std::int64_t>(limit));
    while (rows.next()) recent.push_back(rows.int64(0));
    const std::int64_t at = next_send_at(now, recent, limit, window.count());
    if (at > now) return std::chrono::microseconds(at - now);
    c.execute("INSERT INTO vk_token_sends (token_key, sent_at) VALUES (?1, ?2)", token_key, at);
    c.execute("DELETE FROM vk_token_sends WHERE token_key = ?1 AND sent_at < ?2", token_key, at - window.count());
    return std::chrono::microseconds(0);
  });
}

template class SendLedgerRepositoryOn<sqlite::Database>;
template class SendLedgerRepositoryOn<postgres::Database>;

}  // namespace vka::store::sql
