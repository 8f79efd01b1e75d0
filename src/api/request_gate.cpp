#include "api/request_gate.hpp"

#include <string>

namespace vka::api {

namespace {

void take_or_refuse(http::RateLimiter* limiter, const std::string& key, std::string_view who) {
  if (!limiter) return;
  const auto decision = limiter->take(key);
  if (!decision.allowed)
    throw http::rate_limited("Too many requests from this " + std::string{who} + "; retry later.", decision);
}

}  // namespace

RequestGate::RequestGate(const Authenticator& authenticator, Limits limits)
    : authenticator_(authenticator),
      failed_auth_(std::make_unique<http::RateLimiter>(limits.failed_auth_per_address, limits.failed_auth_window)),
      expensive_(std::make_unique<http::ConcurrencyLimiter>(limits.expensive_per_credential)) {
  if (limits.requests_per_minute > 0) {
    per_address_ = std::make_unique<http::RateLimiter>(limits.requests_per_minute, std::chrono::minutes{1});
    per_credential_ = std::make_unique<http::RateLimiter>(limits.requests_per_minute, std::chrono::minutes{1});
  }
}

// A request with an invalid or revoked key counts against its address; once the address has too
// many, its keys are not even checked until the count has decayed. A request without a key is not
// a failure (whatever else the authenticator accepts, such as a session, is its business).
auth::Principal RequestGate::authenticate(const http::Request& request) const {
  const bool presents_key = request.headers.get("Authorization").has_value();
  if (const auto backoff = failed_auth_->peek(request.remote_address); presents_key && !backoff.allowed)
    throw http::rate_limited("Too many requests with an invalid credential from this address; retry later.", backoff);
  try {
    return authenticator_.authenticate(request);
  } catch (const http::ApiError&) {
    if (presents_key) failed_auth_->take(request.remote_address);
    throw;
  }
}

std::shared_ptr<void> RequestGate::admit(const http::Request& request, const http::Route& route) const {
  if (route.access == http::Access::probe) return nullptr;
  take_or_refuse(per_address_.get(), request.remote_address, "address");
  if (route.access == http::Access::open) return nullptr;
  const auto principal = authenticate(request);
  take_or_refuse(per_credential_.get(), principal.id, "credential");
  if (route.cost != http::Cost::expensive) return nullptr;
  auto slot = expensive_->try_acquire(principal.id);
  if (!slot)
    throw http::rate_limited("This credential already has " + std::to_string(expensive_->limit()) +
                                 " expensive requests (analyze, export, analytics) running; retry when one is done.",
                             {.allowed = false,
                              .limit = expensive_->limit(),
                              .remaining = 0,
                              .reset = std::chrono::seconds{1},
                              .retry_after = std::chrono::seconds{1}});
  return slot;
}

}  // namespace vka::api
