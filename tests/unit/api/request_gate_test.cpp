#include "api/request_gate.hpp"

#include <gtest/gtest.h>

#include "authenticator_fixture.hpp"
#include "error_matchers.hpp"

namespace vka::api {
namespace {

using testing::api_error_of;

class RequestGateTest : public testing::AuthenticatorFixture {
 protected:
  RequestGate gate(Limits limits) { return RequestGate{authenticator, limits}; }

  static http::Request from(std::string address, std::optional<std::string> key) {
    http::Request request;
    request.remote_address = std::move(address);
    if (key) request.headers.add("Authorization", "Bearer " + *key);
    return request;
  }

  static http::Route route(http::Access access, http::Cost cost = http::Cost::cheap) {
    return {.method = "GET", .pattern = "/x", .handler = {}, .max_body_bytes = 0, .access = access, .cost = cost};
  }

  static void expect_rate_limited(const http::ApiError& error) {
    EXPECT_EQ(error.status(), 429);
    EXPECT_EQ(error.code(), "rate_limited");
    std::vector<std::string> names;
    for (const auto& [name, value] : error.headers) names.push_back(name);
    EXPECT_EQ(names,
              (std::vector<std::string>{"Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"}));
  }
};

TEST_F(RequestGateTest, CredentialRoutesNeedAValidKeyBeforeTheBody) {
  const auto g = gate({});
  EXPECT_EQ(api_error_of([&] { g.admit(from("a", std::nullopt), route(http::Access::credential)); }).status(), 401);
  EXPECT_EQ(api_error_of([&] { g.admit(from("a", "vka_wrong"), route(http::Access::credential)); }).status(), 401);
  EXPECT_NO_THROW(g.admit(from("a", analyst_key), route(http::Access::credential)));
  EXPECT_NO_THROW(g.admit(from("a", std::nullopt), route(http::Access::open)));
}

TEST_F(RequestGateTest, RequestRateIsLimitedPerCredentialAndPerAddressButNeverForProbes) {
  const auto g = gate({.requests_per_minute = 3});
  for (int i = 0; i < 3; ++i) g.admit(from("a", analyst_key), route(http::Access::credential));
  expect_rate_limited(api_error_of([&] { g.admit(from("b", analyst_key), route(http::Access::credential)); }));
  expect_rate_limited(api_error_of([&] { g.admit(from("a", std::nullopt), route(http::Access::open)); }));
  EXPECT_NO_THROW(g.admit(from("c", std::nullopt), route(http::Access::open)));
  for (int i = 0; i < 10; ++i) EXPECT_NO_THROW(g.admit(from("a", std::nullopt), route(http::Access::probe)));
}

TEST_F(RequestGateTest, ZeroTurnsRequestRateLimitingOff) {
  const auto g = gate({.requests_per_minute = 0});
  for (int i = 0; i < 10'000; ++i) g.admit(from("a", analyst_key), route(http::Access::credential));
}

TEST_F(RequestGateTest, FailedAuthenticationBacksOffPerAddressNotForMissingCredentials) {
  const auto g = gate({.failed_auth_per_address = 3});
  const auto credential = route(http::Access::credential);
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(api_error_of([&] { g.admit(from("a", std::nullopt), credential); }).status(), 401);
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(api_error_of([&] { g.admit(from("a", "vka_wrong"), credential); }).status(), 401);
  expect_rate_limited(api_error_of([&] { g.admit(from("a", analyst_key), credential); }));
  EXPECT_FALSE(store->api_keys().get("key_analyst")->last_used_at)
      << "a blocked address's credentials are not even looked up";
  EXPECT_NO_THROW(g.admit(from("b", analyst_key), credential));
}

TEST_F(RequestGateTest, ExpensiveRequestsHoldASlotPerCredentialUntilReleased) {
  const auto g = gate({.expensive_per_credential = 1});
  const auto expensive = route(http::Access::credential, http::Cost::expensive);
  auto slot = g.admit(from("a", analyst_key), expensive);
  ASSERT_TRUE(slot);
  expect_rate_limited(api_error_of([&] { g.admit(from("b", analyst_key), expensive); }));
  EXPECT_NO_THROW(g.admit(from("a", analyst_key), route(http::Access::credential)));
  slot.reset();
  EXPECT_TRUE(g.admit(from("a", analyst_key), expensive));
}

}  // namespace
}  // namespace vka::api
