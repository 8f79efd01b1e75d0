#pragma once
// Sign-in throttling: after 5 failures for one username or 20 from one address within 15 minutes, further
// attempts answer 429 with Retry-After until the oldest failure leaves the window. Failures are counted from
// the audit trail, so the limits hold across processes and restarts, and nothing is ever locked for good.
#include <string_view>

#include "domain/time.hpp"
#include "store/audit_repository.hpp"

namespace vka::api {

struct LoginLimits {
  std::chrono::seconds window = std::chrono::minutes{15};
  std::int64_t per_username = 5;
  std::int64_t per_address = 20;
};

// Throws 429 rate_limited when either limit is reached.
void check_login_throttle(store::AuditRepository& audit, std::string_view username, std::string_view address,
                          domain::Timestamp now, const LoginLimits& limits = {});

}  // namespace vka::api
