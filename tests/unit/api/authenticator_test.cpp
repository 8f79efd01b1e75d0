#include <gtest/gtest.h>

#include "api/accounts.hpp"
#include "authenticator_fixture.hpp"
#include "error_matchers.hpp"

namespace vka::api {
namespace {

using testing::api_error_of;
using testing::bootstrap_value;

// The authenticator reads keys, users and sessions from a real store (authenticator_fixture.hpp).
class AuthenticatorTest : public testing::AuthenticatorFixture {
 protected:
  store::User add_user(std::string username, domain::Role role, bool must_change_password = false) {
    auto user = make_user({.username = std::move(username),
                           .password = "not used by these tests",
                           .role = role,
                           .display_name = "Someone",
                           .must_change_password = must_change_password},
                          domain::now());
    store->users().create(user);
    return user;
  }

  auth::Principal authenticate(std::optional<std::string> authorization) {
    http::Request request;
    if (authorization) request.headers.add("Authorization", *authorization);
    return authenticator.authenticate(request);
  }

  void expect_unauthorized(std::optional<std::string> authorization) {
    const auto error = api_error_of([&] { authenticate(authorization); });
    EXPECT_EQ(error.status(), 401) << authorization.value_or("(none)");
    EXPECT_EQ(error.code(), "unauthorized");
    ASSERT_EQ(error.headers.size(), 1u);
    EXPECT_EQ(error.headers[0].first, "WWW-Authenticate");
    EXPECT_TRUE(error.headers[0].second.starts_with("Bearer"));
    for (const auto& secret : {analyst_key, viewer_key, std::string{bootstrap_value}})
      EXPECT_EQ(std::string{error.what()}.find(secret), std::string::npos);
    // No session was presented: the message speaks of what was (an API key) or of the ways to authenticate.
    EXPECT_EQ(std::string{error.what()}.find("session"), std::string::npos) << error.what();
  }

  // A request carrying the session's cookie.
  http::Request with_session(const OpenedSession& session, std::string method, std::string route) {
    http::Request request;
    request.method = std::move(method);
    request.route = std::move(route);
    request.headers.add("Cookie", "theme=dark; vka_session=" + session.id);
    return request;
  }
};

TEST_F(AuthenticatorTest, MissingCredentialIs401) { expect_unauthorized(std::nullopt); }

TEST_F(AuthenticatorTest, AnUnknownApiKeyIsNamedAsSuch) {
  expect_unauthorized("Bearer vka_" + std::string(40, 'x'));
  const auto error = api_error_of([&] { authenticate("Bearer vka_" + std::string(40, 'x')); });
  EXPECT_STREQ(error.what(), "The API key is not valid.");
}

TEST_F(AuthenticatorTest, OtherSchemesAre401) {
  expect_unauthorized("Basic dXNlcjpwYXNz");
  expect_unauthorized(analyst_key);
  expect_unauthorized("Bearer");
  expect_unauthorized("Bearer ");
  expect_unauthorized("Token " + analyst_key);
  expect_unauthorized("Bearer:" + analyst_key);
}

TEST_F(AuthenticatorTest, BootstrapKeyIsTheAdmin) {
  const auto principal = authenticate("Bearer " + std::string{bootstrap_value});
  EXPECT_EQ(principal.id, bootstrap_admin_id);
  EXPECT_EQ(principal.role, domain::Role::admin);
  EXPECT_EQ(principal.credential_id, bootstrap_key_id);
}

TEST_F(AuthenticatorTest, SchemeIgnoresCase) {
  EXPECT_EQ(authenticate("bearer " + std::string{bootstrap_value}).role, domain::Role::admin);
  EXPECT_EQ(authenticate("BEARER " + analyst_key).id, "key_analyst");
}

TEST_F(AuthenticatorTest, KeyWithoutOwnerIsItsOwnPrincipal) {
  const auto analyst = authenticate("Bearer " + analyst_key);
  EXPECT_EQ(analyst, (auth::Principal{"key_analyst", domain::Role::analyst, "CI robot", auth::CredentialKind::api_key,
                                      "key_analyst"}));
  const auto viewer = authenticate("Bearer " + viewer_key);
  EXPECT_EQ(viewer.id, "key_viewer");
  EXPECT_EQ(viewer.role, domain::Role::viewer);
}

TEST_F(AuthenticatorTest, UnknownKeyIs401) {
  expect_unauthorized("Bearer " + auth::generate_api_key());
  expect_unauthorized("Bearer " + std::string{bootstrap_value} + "x");
  expect_unauthorized("Bearer " + analyst_key + " ");
  expect_unauthorized("Bearer not-a-key");
  expect_unauthorized("Bearer " + std::string(10000, 'x'));
}

TEST_F(AuthenticatorTest, RevokedKeyIs401) {
  ASSERT_TRUE(store->api_keys().revoke("key_analyst", domain::now()));
  expect_unauthorized("Bearer " + analyst_key);
  EXPECT_EQ(authenticate("Bearer " + viewer_key).id, "key_viewer");
}

TEST_F(AuthenticatorTest, ExpiredKeyIs401) {
  const auto expired = auth::generate_api_key();
  add_key("key_expired", "old", domain::Role::analyst, expired, std::nullopt, domain::now() - std::chrono::seconds{1});
  expect_unauthorized("Bearer " + expired);
  const auto current = auth::generate_api_key();
  add_key("key_current", "new", domain::Role::analyst, current, std::nullopt, domain::now() + std::chrono::hours{1});
  EXPECT_EQ(authenticate("Bearer " + current).id, "key_current");
}

TEST_F(AuthenticatorTest, OwnedKeyActsAsItsUserWithTheLesserRole) {
  const auto viewer = add_user("vera", domain::Role::viewer);
  const auto key = auth::generate_api_key();
  add_key("key_vera", "vera's", domain::Role::admin, key, viewer.id);
  const auto principal = authenticate("Bearer " + key);
  EXPECT_EQ(principal.id, viewer.id);
  EXPECT_EQ(principal.role, domain::Role::viewer);
  EXPECT_EQ(principal.credential_id, "key_vera");
  EXPECT_TRUE(store->api_keys().get("key_vera")->last_used_at);
}

TEST_F(AuthenticatorTest, KeyOfADisabledUserIs401) {
  auto user = add_user("ann", domain::Role::analyst);
  const auto key = auth::generate_api_key();
  add_key("key_ann", "ann's", domain::Role::analyst, key, user.id);
  EXPECT_EQ(authenticate("Bearer " + key).id, user.id);
  user.disabled = true;
  store->users().update(user);
  expect_unauthorized("Bearer " + key);
}

TEST_F(AuthenticatorTest, SessionCookieIsItsUser) {
  const auto user = add_user("ann", domain::Role::analyst);
  const auto session = sessions.open(user.id, domain::now());
  const auto principal = authenticator.authenticate(with_session(session, "GET", "/api/v1/tasks"));
  EXPECT_EQ(principal.id, user.id);
  EXPECT_EQ(principal.role, domain::Role::analyst);
  EXPECT_EQ(principal.credential, auth::CredentialKind::session);
  EXPECT_NE(principal.credential_id, session.id) << "only the hash of the id is kept";
}

TEST_F(AuthenticatorTest, UnsafeCookieRequestsNeedTheCsrfToken) {
  const auto user = add_user("ann", domain::Role::analyst);
  const auto session = sessions.open(user.id, domain::now());
  auto request = with_session(session, "POST", "/api/v1/tasks");
  const auto missing = api_error_of([&] { authenticator.authenticate(request); });
  EXPECT_EQ(missing.status(), 403);
  EXPECT_EQ(missing.code(), "csrf_failed");
  request.headers.set("X-CSRF-Token", session.csrf_token + "x");
  EXPECT_EQ(api_error_of([&] { authenticator.authenticate(request); }).code(), "csrf_failed");
  request.headers.set("X-CSRF-Token", session.csrf_token);
  EXPECT_EQ(authenticator.authenticate(request).id, user.id);
}

TEST_F(AuthenticatorTest, EndedOrUnknownSessionsAre401) {
  const auto user = add_user("ann", domain::Role::analyst);
  const auto old = sessions.open(user.id, domain::now() - std::chrono::hours{13});
  expect_unauthorized(std::nullopt);
  EXPECT_EQ(api_error_of([&] { authenticator.authenticate(with_session(old, "GET", "/api/v1/tasks")); }).status(), 401);
  OpenedSession forged{.id = auth::generate_session_id(), .csrf_token = "", .expires_at = domain::now()};
  EXPECT_EQ(api_error_of([&] { authenticator.authenticate(with_session(forged, "GET", "/api/v1/tasks")); }).status(),
            401);
}

TEST_F(AuthenticatorTest, BearerWinsOverTheCookieAndNeedsNoCsrf) {
  const auto user = add_user("ann", domain::Role::analyst);
  auto request = with_session(sessions.open(user.id, domain::now()), "POST", "/api/v1/tasks");
  request.headers.add("Authorization", "Bearer " + analyst_key);
  EXPECT_EQ(authenticator.authenticate(request).id, "key_analyst");
}

TEST_F(AuthenticatorTest, MustChangePasswordOnlyReachesThePasswordRoutes) {
  const auto user = add_user("new", domain::Role::analyst, true);
  const auto session = sessions.open(user.id, domain::now());
  EXPECT_EQ(api_error_of([&] { authenticator.authenticate(with_session(session, "GET", "/api/v1/tasks")); }).status(),
            403);
  EXPECT_EQ(authenticator.authenticate(with_session(session, "GET", "/api/v1/auth/session")).id, user.id);
}

TEST(RoleMapping, TheLesserOfTwoRolesIsTheLessPrivileged) {
  EXPECT_EQ(lesser_role(domain::Role::admin, domain::Role::viewer), domain::Role::viewer);
  EXPECT_EQ(lesser_role(domain::Role::analyst, domain::Role::admin), domain::Role::analyst);
  EXPECT_EQ(lesser_role(domain::Role::viewer, domain::Role::viewer), domain::Role::viewer);
}

}  // namespace
}  // namespace vka::api
