#pragma once
// The sends of each VK token as every process sees them. VK counts a token's requests wherever they come
// from, so when several processes (or a restarted one) share a token, each send is booked here first:
// the per-token rate limit then holds across processes, hosts and restarts, not just within one pacer.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace vka::store {

class SendLedgerRepository {
 public:
  virtual ~SendLedgerRepository() = default;
  // Books one send of the token `token_key` (a fingerprint, never the token) at the earliest instant from
  // the database's now on at which no `window` holds more than `limit` booked sends, and returns how long
  // the caller must wait before sending. Bookings of one token are serialized by the database.
  virtual std::chrono::microseconds book(std::string_view token_key, std::size_t limit,
                                         std::chrono::microseconds window) = 0;
};

// The pure booking rule, in microseconds since the Unix epoch. `recent` holds the token's latest bookings,
// newest first (at most `limit` of them). The result is never before now, never before or at the latest
// booking (so bookings of one token are strictly ordered), and at least `window` after the limit-th latest.
std::int64_t next_send_at(std::int64_t now, std::span<const std::int64_t> recent, std::size_t limit,
                          std::int64_t window);

}  // namespace vka::store
