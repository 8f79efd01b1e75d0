#include "store/postgres/send_ledger_repository.hpp"

#include <vector>

namespace vka::store::postgres {

std::chrono::microseconds PostgresSendLedgerRepository::book(std::string_view token_key, std::size_t limit,
                                                             std::chrono::microseconds window) {
  return database_.write([&](Connection& c) {
    // One token's bookings queue on a transaction-scoped lock, whichever process or host makes them.
    c.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", token_key);
    std::vector<std::int64_t> recent;
    Rows rows = c.query("SELECT sent_at FROM vk_token_sends WHERE token_key = $1 ORDER BY sent_at DESC LIMIT $2",
                        token_key, static_cast<std::int64_t>(limit));
    while (rows.next()) recent.push_back(rows.int64(0));
    // The server's clock, not this host's: processes on several hosts must agree on what "now" is.
    Rows clock = c.query("SELECT (extract(epoch FROM clock_timestamp()) * 1000000)::bigint");
    clock.next();
    const std::int64_t now = clock.int64(0);
    const std::int64_t at = next_send_at(now, recent, limit, window.count());
    if (at > now) return std::chrono::microseconds(at - now);
    c.execute("INSERT INTO vk_token_sends (token_key, sent_at) VALUES ($1, $2)", token_key, at);
    c.execute("DELETE FROM vk_token_sends WHERE token_key = $1 AND sent_at < $2", token_key, at - window.count());
    return std::chrono::microseconds(0);
  });
}

}  // namespace vka::store::postgres
