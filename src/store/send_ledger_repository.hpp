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
  // Books a send of the token `token_key` (a fingerprint, never the token) at the database's now when no
  // window of `window` then holds more than `limit` booked sends, and returns zero: send at once. Otherwise
  // books nothing and returns how long until a booking could succeed: wait, then ask again. Booking only
  // the present keeps the ledger true even when a caller is late to send (a stalled process): a future slot
  // booked in advance and sent late would crowd the window after it. Bookings of one token are serialized.
  virtual std::chrono::microseconds book(std::string_view token_key, std::size_t limit,
                                         std::chrono::microseconds window) = 0;
};

// The pure booking rule, in microseconds since the Unix epoch: the earliest instant a send may be booked.
// `recent` holds the token's latest bookings, newest first (at most `limit` of them). The result is never
// before now, never before or at the latest booking (so bookings of one token are strictly ordered), and at
// least `window` after the limit-th latest.
std::int64_t next_send_at(std::int64_t now, std::span<const std::int64_t> recent, std::size_t limit,
                          std::int64_t window);

}  // namespace vka::store
