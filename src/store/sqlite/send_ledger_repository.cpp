#include "store/sqlite/send_ledger_repository.hpp"

#include <vector>

namespace vka::store::sqlite {

namespace {

// SQLite serves one machine, whose clock every process shares.
std::int64_t unix_microseconds() {
  using namespace std::chrono;
  return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace

std::chrono::microseconds SqliteSendLedgerRepository::book(std::string_view token_key, std::size_t limit,
                                                           std::chrono::microseconds window) {
  // The write transaction (BEGIN IMMEDIATE) serializes every process's bookings.
  return database_.write([&](Connection& c) {
    std::vector<std::int64_t> recent;
    Rows rows = c.query("SELECT sent_at FROM vk_token_sends WHERE token_key = ?1 ORDER BY sent_at DESC LIMIT ?2",
                        token_key, static_cast<std::int64_t>(limit));
    while (rows.next()) recent.push_back(rows.int64(0));
    const std::int64_t now = unix_microseconds();
    const std::int64_t at = next_send_at(now, recent, limit, window.count());
    if (at > now) return std::chrono::microseconds(at - now);
    c.execute("INSERT INTO vk_token_sends (token_key, sent_at) VALUES (?1, ?2)", token_key, at);
    c.execute("DELETE FROM vk_token_sends WHERE token_key = ?1 AND sent_at < ?2", token_key, at - window.count());
    return std::chrono::microseconds(0);
  });
}

}  // namespace vka::store::sqlite
