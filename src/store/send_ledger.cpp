#include <algorithm>

#include "store/send_ledger_repository.hpp"

namespace vka::store {

std::int64_t next_send_at(std::int64_t now, std::span<const std::int64_t> recent, std::size_t limit,
                          std::int64_t window) {
  std::int64_t at = now;
  if (!recent.empty()) at = std::max(at, recent.front() + 1);
  if (limit > 0 && recent.size() >= limit) at = std::max(at, recent[limit - 1] + window);
  return at;
}

}  // namespace vka::store
