#include "api/login_throttle.hpp"

#include <algorithm>

#include "http/api_error.hpp"

namespace vka::api {

namespace {

void throw_if_reached(const store::FailedLogins& failures, std::int64_t limit, domain::Timestamp now,
                      const LoginLimits& limits) {
  if (failures.count < limit || !failures.oldest) return;
  const auto wait = std::max(std::chrono::seconds{1}, *failures.oldest + limits.window - now);
  throw http::rate_limited("Too many failed sign-ins; try again later.", wait);
}

}  // namespace

void check_login_throttle(store::AuditRepository& audit, std::string_view username, std::string_view address,
                          domain::Timestamp now, const LoginLimits& limits) {
  const auto since = now - limits.window;
  throw_if_reached(audit.failed_logins_for(username, since), limits.per_username, now, limits);
  throw_if_reached(audit.failed_logins_from(address, since), limits.per_address, now, limits);
}

}  // namespace vka::api
