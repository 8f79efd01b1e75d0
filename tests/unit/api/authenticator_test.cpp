#include <gtest/gtest.h>

#include <array>
#include <filesystem>

#include "api/accounts.hpp"
#include "api/authenticator.hpp"
#include "error_matchers.hpp"
#include "http/tracing.hpp"

namespace vka::api {
namespace {

using testing::api_error_of;

auth::SecretKey fixed_key(unsigned char fill) {
  std::array<unsigned char, auth::SecretKey::size> bytes{};
  bytes.fill(fill);
  return auth::SecretKey{bytes};
}

constexpr std::string_view bootstrap_value = "bootstrap-admin-key-0123456789";

// A real (SQLite) store in a temporary directory: the authenticator reads keys, users and sessions from it.
class AuthenticatorTest : public ::testing::Test {
 protected:
  AuthenticatorTest()
      : directory(std::filesystem::temp_directory_path() / ("vka-authenticator-test-" + http::random_hex(8))),
        store((std::filesystem::create_directories(directory),
               store::open_store("sqlite://" + (directory / "test.db").string()))),
        master(fixed_key(9)),
        sessions(*store, master, {}),
        authenticator(*store, auth::ApiKeyHasher{fixed_key(7)}, sessions,
                      auth::BootstrapAdminKey::from_environment_value(bootstrap_value).value(),
                      auth::ViewerScope::all_tasks) {
    store->migrate();
    add_key("key_analyst", "CI robot", store::ApiKeyRole::analyst, analyst_key);
    add_key("key_viewer", "Dashboard", store::ApiKeyRole::viewer, viewer_key);
  }
  ~AuthenticatorTest() override {
    store.reset();
    std::error_code ignored;
    std::filesystem::remove_all(directory, ignored);
  }

  void add_key(std::string id, std::string name, store::ApiKeyRole role, const std::string& key,
               std::optional<std::string> owner = std::nullopt,
               std::optional<domain::Timestamp> expires_at = std::nullopt) {
    store->api_keys().create({.id = std::move(id),
                              .name = std::move(name),
                              .role = role,
                              .key_hash = authenticator.key_hasher().hash(key),
                              .created_at = domain::now(),
                              .owner_id = std::move(owner),
                              .expires_at = expires_at});
  }

  store::User add_user(std::string username, store::ApiKeyRole role, bool must_change_password = false) {
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
  }

  // A request carrying the session's cookie.
  http::Request with_session(const OpenedSession& session, std::string method, std::string route) {
    http::Request request;
    request.method = std::move(method);
    request.route = std::move(route);
    request.headers.add("Cookie", "theme=dark; vka_session=" + session.id);
    return request;
  }

  std::filesystem::path directory;
  std::unique_ptr<store::Store> store;
  auth::SecretKey master;
  Sessions sessions;
  Authenticator authenticator;
  const std::string analyst_key = auth::generate_api_key();
  const std::string viewer_key = auth::generate_api_key();
};

TEST_F(AuthenticatorTest, MissingCredentialIs401) { expect_unauthorized(std::nullopt); }

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
  EXPECT_EQ(principal.role, auth::Role::admin);
  EXPECT_EQ(principal.credential_id, bootstrap_key_id);
}

TEST_F(AuthenticatorTest, SchemeIgnoresCase) {
  EXPECT_EQ(authenticate("bearer " + std::string{bootstrap_value}).role, auth::Role::admin);
  EXPECT_EQ(authenticate("BEARER " + analyst_key).id, "key_analyst");
}

TEST_F(AuthenticatorTest, KeyWithoutOwnerIsItsOwnPrincipal) {
  const auto analyst = authenticate("Bearer " + analyst_key);
  EXPECT_EQ(analyst, (auth::Principal{"key_analyst", auth::Role::analyst, "CI robot", auth::CredentialKind::api_key,
                                      "key_analyst"}));
  const auto viewer = authenticate("Bearer " + viewer_key);
  EXPECT_EQ(viewer.id, "key_viewer");
  EXPECT_EQ(viewer.role, auth::Role::viewer);
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
  add_key("key_expired", "old", store::ApiKeyRole::analyst, expired, std::nullopt, domain::now() - std::chrono::seconds{1});
  expect_unauthorized("Bearer " + expired);
  const auto current = auth::generate_api_key();
  add_key("key_current", "new", store::ApiKeyRole::analyst, current, std::nullopt, domain::now() + std::chrono::hours{1});
  EXPECT_EQ(authenticate("Bearer " + current).id, "key_current");
}

TEST_F(AuthenticatorTest, OwnedKeyActsAsItsUserWithTheLesserRole) {
  const auto viewer = add_user("vera", store::ApiKeyRole::viewer);
  const auto key = auth::generate_api_key();
  add_key("key_vera", "vera's", store::ApiKeyRole::admin, key, viewer.id);
  const auto principal = authenticate("Bearer " + key);
  EXPECT_EQ(principal.id, viewer.id);
  EXPECT_EQ(principal.role, auth::Role::viewer);
  EXPECT_EQ(principal.credential_id, "key_vera");
  EXPECT_TRUE(store->api_keys().get("key_vera")->last_used_at);
}

TEST_F(AuthenticatorTest, KeyOfADisabledUserIs401) {
  auto user = add_user("ann", store::ApiKeyRole::analyst);
  const auto key = auth::generate_api_key();
  add_key("key_ann", "ann's", store::ApiKeyRole::analyst, key, user.id);
  EXPECT_EQ(authenticate("Bearer " + key).id, user.id);
  user.disabled = true;
  store->users().update(user);
  expect_unauthorized("Bearer " + key);
}

TEST_F(AuthenticatorTest, SessionCookieIsItsUser) {
  const auto user = add_user("ann", store::ApiKeyRole::analyst);
  const auto session = sessions.open(user.id, domain::now());
  const auto principal = authenticator.authenticate(with_session(session, "GET", "/api/v1/tasks"));
  EXPECT_EQ(principal.id, user.id);
  EXPECT_EQ(principal.role, auth::Role::analyst);
  EXPECT_EQ(principal.credential, auth::CredentialKind::session);
  EXPECT_NE(principal.credential_id, session.id) << "only the hash of the id is kept";
}

TEST_F(AuthenticatorTest, UnsafeCookieRequestsNeedTheCsrfToken) {
  const auto user = add_user("ann", store::ApiKeyRole::analyst);
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
  const auto user = add_user("ann", store::ApiKeyRole::analyst);
  const auto old = sessions.open(user.id, domain::now() - std::chrono::hours{13});
  expect_unauthorized(std::nullopt);
  EXPECT_EQ(api_error_of([&] { authenticator.authenticate(with_session(old, "GET", "/api/v1/tasks")); }).status(), 401);
  OpenedSession forged{.id = auth::generate_session_id(), .csrf_token = "", .expires_at = domain::now()};
  EXPECT_EQ(api_error_of([&] { authenticator.authenticate(with_session(forged, "GET", "/api/v1/tasks")); }).status(),
            401);
}

TEST_F(AuthenticatorTest, BearerWinsOverTheCookieAndNeedsNoCsrf) {
  const auto user = add_user("ann", store::ApiKeyRole::analyst);
  auto request = with_session(sessions.open(user.id, domain::now()), "POST", "/api/v1/tasks");
  request.headers.add("Authorization", "Bearer " + analyst_key);
  EXPECT_EQ(authenticator.authenticate(request).id, "key_analyst");
}

TEST_F(AuthenticatorTest, MustChangePasswordOnlyReachesThePasswordRoutes) {
  const auto user = add_user("new", store::ApiKeyRole::analyst, true);
  const auto session = sessions.open(user.id, domain::now());
  EXPECT_EQ(api_error_of([&] { authenticator.authenticate(with_session(session, "GET", "/api/v1/tasks")); }).status(),
            403);
  EXPECT_EQ(authenticator.authenticate(with_session(session, "GET", "/api/v1/auth/session")).id, user.id);
}

TEST(RoleMapping, RoundTripsEveryRole) {
  for (const auto role : {auth::Role::admin, auth::Role::analyst, auth::Role::viewer})
    EXPECT_EQ(to_auth_role(to_store_role(role)), role);
  EXPECT_EQ(to_store_role(auth::Role::analyst), store::ApiKeyRole::analyst);
  EXPECT_EQ(to_auth_role(store::ApiKeyRole::admin), auth::Role::admin);
  EXPECT_EQ(lesser_role(auth::Role::admin, auth::Role::viewer), auth::Role::viewer);
  EXPECT_EQ(lesser_role(auth::Role::analyst, auth::Role::admin), auth::Role::analyst);
}

}  // namespace
}  // namespace vka::api
