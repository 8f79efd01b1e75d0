#pragma once
// Admits a request on its header: the credential its route needs, and the limits per client
// address and per credential. Refusals are 401, or 429 rate_limited with Retry-After and
// RateLimit-Limit, -Remaining and -Reset.
#include <chrono>
#include <memory>

#include "api/authenticator.hpp"
#include "http/concurrency_limiter.hpp"
#include "http/gate.hpp"
#include "http/rate_limiter.hpp"

namespace vka::api {

struct Limits {
  long requests_per_minute = 6000;     // per credential and per address; 0 turns request-rate limiting off
  int expensive_per_credential = 2;    // concurrent analyze, export and analytics requests
  long failed_auth_per_address = 100;  // invalid or revoked credentials within failed_auth_window
  std::chrono::seconds failed_auth_window{300};
};

class RequestGate final : public http::Gate {
 public:
  RequestGate(const Authenticator& authenticator, Limits limits);
  std::shared_ptr<void> admit(const http::Request& request, const http::Route& route) const override;

 private:
  auth::Principal authenticate(const http::Request& request) const;

  const Authenticator& authenticator_;
  std::unique_ptr<http::RateLimiter> per_address_;     // null when request-rate limiting is off
  std::unique_ptr<http::RateLimiter> per_credential_;  // null when request-rate limiting is off
  std::unique_ptr<http::RateLimiter> failed_auth_;
  std::unique_ptr<http::ConcurrencyLimiter> expensive_;
};

}  // namespace vka::api
