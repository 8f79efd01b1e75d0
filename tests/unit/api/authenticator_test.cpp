#include <gtest/gtest.h>

#include "api/authenticator.hpp"
#include "error_matchers.hpp"
#include "fake_api_keys.hpp"

namespace vka::api {
namespace {

using testing::api_error_of;
using testing::FakeApiKeyRepository;

constexpr std::string_view bootstrap_value = "bootstrap-admin-key-0123456789-abcd";

class AuthenticatorTest : public ::testing::Test {
 protected:
  AuthenticatorTest()
      : authenticator(keys, auth::ApiKeyHasher{testing::test_pepper()},
                      auth::BootstrapAdminKey::from_environment_value(bootstrap_value).value(),
                      auth::ViewerScope::all_tasks) {
    const auth::ApiKeyHasher hasher{testing::test_pepper()};
    keys.create({"key_analyst", "CI robot", store::ApiKeyRole::analyst, hasher.hash(analyst_key), {}, {}});
    keys.create({"key_viewer", "Dashboard", store::ApiKeyRole::viewer, hasher.hash(viewer_key), {}, {}});
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

  const std::string analyst_key = auth::generate_api_key();
  const std::string viewer_key = auth::generate_api_key();
  FakeApiKeyRepository keys;
  Authenticator authenticator;
};

TEST_F(AuthenticatorTest, MissingHeaderIs401) { expect_unauthorized(std::nullopt); }

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
}

TEST_F(AuthenticatorTest, SchemeIgnoresCase) {
  EXPECT_EQ(authenticate("bearer " + std::string{bootstrap_value}).role, auth::Role::admin);
  EXPECT_EQ(authenticate("BEARER " + analyst_key).id, "key_analyst");
}

TEST_F(AuthenticatorTest, StoredKeyIsItsPrincipalWithItsRole) {
  const auto analyst = authenticate("Bearer " + analyst_key);
  EXPECT_EQ(analyst, (auth::Principal{"key_analyst", auth::Role::analyst, "CI robot"}));
  const auto viewer = authenticate("Bearer " + viewer_key);
  EXPECT_EQ(viewer.id, "key_viewer");
  EXPECT_EQ(viewer.role, auth::Role::viewer);
}

TEST_F(AuthenticatorTest, UnknownKeyIs401) {
  expect_unauthorized("Bearer " + auth::generate_api_key());
  expect_unauthorized("Bearer " + std::string{bootstrap_value} + "x");
  expect_unauthorized("Bearer " + analyst_key + " ");
}

TEST_F(AuthenticatorTest, RevokedKeyIs401) {
  ASSERT_TRUE(keys.revoke("key_analyst", domain::now()));
  expect_unauthorized("Bearer " + analyst_key);
  EXPECT_EQ(authenticate("Bearer " + viewer_key).id, "key_viewer");
}

TEST_F(AuthenticatorTest, GarbageNeverReachesTheStore) {
  expect_unauthorized("Bearer not-a-key");
  expect_unauthorized("Bearer " + std::string(10000, 'x'));
  EXPECT_EQ(keys.lookups, 0);
}

TEST_F(AuthenticatorTest, WithoutBootstrapKeyOnlyStoredKeysWork) {
  const Authenticator no_bootstrap{keys, auth::ApiKeyHasher{testing::test_pepper()}, std::nullopt,
                                   auth::ViewerScope::shared_only};
  http::Request request;
  request.headers.add("Authorization", "Bearer " + std::string{bootstrap_value});
  EXPECT_EQ(api_error_of([&] { no_bootstrap.authenticate(request); }).status(), 401);
  request.headers.set("Authorization", "Bearer " + analyst_key);
  EXPECT_EQ(no_bootstrap.authenticate(request).id, "key_analyst");
  EXPECT_EQ(no_bootstrap.viewer_scope(), auth::ViewerScope::shared_only);
}

TEST(RoleMapping, RoundTripsEveryRole) {
  for (const auto role : {auth::Role::admin, auth::Role::analyst, auth::Role::viewer})
    EXPECT_EQ(to_auth_role(to_store_role(role)), role);
  EXPECT_EQ(to_store_role(auth::Role::analyst), store::ApiKeyRole::analyst);
  EXPECT_EQ(to_auth_role(store::ApiKeyRole::admin), auth::Role::admin);
}

}  // namespace
}  // namespace vka::api
