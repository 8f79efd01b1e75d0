#include <gtest/gtest.h>

#include <array>

#include "api/authenticator.hpp"
#include "error_matchers.hpp"

namespace vka::api {
namespace {

using testing::api_error_of;

// Honours the ApiKeyRepository contract: revoked keys are not found.
class FakeApiKeyRepository : public store::ApiKeyRepository {
 public:
  void create(const store::ApiKey& key) override { keys.push_back(key); }
  std::optional<store::ApiKey> find_by_hash(std::string_view key_hash) override {
    ++lookups;
    for (const auto& key : keys)
      if (key.key_hash == key_hash && !key.revoked_at) return key;
    return std::nullopt;
  }
  std::vector<store::ApiKey> list() override { return keys; }
  bool revoke(std::string_view id, domain::Timestamp at) override {
    for (auto& key : keys)
      if (key.id == id && !key.revoked_at) return key.revoked_at = at, true;
    return false;
  }

  std::vector<store::ApiKey> keys;
  int lookups = 0;
};

auth::SecretKey pepper() {
  std::array<unsigned char, auth::SecretKey::size> bytes{};
  bytes.fill(7);
  return auth::SecretKey{bytes};
}

constexpr std::string_view bootstrap_value = "bootstrap-admin-key-0123456789";

class AuthenticatorTest : public ::testing::Test {
 protected:
  AuthenticatorTest()
      : authenticator(keys, auth::ApiKeyHasher{pepper()},
                      auth::BootstrapAdminKey::from_environment_value(bootstrap_value).value(),
                      auth::ViewerScope::all_tasks) {
    const auth::ApiKeyHasher hasher{pepper()};
    keys.create({"key_analyst", "CI robot", domain::Role::analyst, hasher.hash(analyst_key), {}, {}});
    keys.create({"key_viewer", "Dashboard", domain::Role::viewer, hasher.hash(viewer_key), {}, {}});
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
  EXPECT_EQ(principal.role, domain::Role::admin);
}

TEST_F(AuthenticatorTest, SchemeIgnoresCase) {
  EXPECT_EQ(authenticate("bearer " + std::string{bootstrap_value}).role, domain::Role::admin);
  EXPECT_EQ(authenticate("BEARER " + analyst_key).id, "key_analyst");
}

TEST_F(AuthenticatorTest, StoredKeyIsItsPrincipalWithItsRole) {
  const auto analyst = authenticate("Bearer " + analyst_key);
  EXPECT_EQ(analyst, (auth::Principal{"key_analyst", domain::Role::analyst, "CI robot"}));
  const auto viewer = authenticate("Bearer " + viewer_key);
  EXPECT_EQ(viewer.id, "key_viewer");
  EXPECT_EQ(viewer.role, domain::Role::viewer);
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
  const Authenticator no_bootstrap{keys, auth::ApiKeyHasher{pepper()}, std::nullopt, auth::ViewerScope::shared_only};
  http::Request request;
  request.headers.add("Authorization", "Bearer " + std::string{bootstrap_value});
  EXPECT_EQ(api_error_of([&] { no_bootstrap.authenticate(request); }).status(), 401);
  request.headers.set("Authorization", "Bearer " + analyst_key);
  EXPECT_EQ(no_bootstrap.authenticate(request).id, "key_analyst");
  EXPECT_EQ(no_bootstrap.viewer_scope(), auth::ViewerScope::shared_only);
}

}  // namespace
}  // namespace vka::api
