#pragma once
// A real (SQLite) store in a temporary directory and the authenticator over it, with an analyst and a
// viewer API key: what the authenticator and the request gate are tested against.
#include <gtest/gtest.h>

#include <array>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "api/authenticator.hpp"
#include "api/sessions.hpp"
#include "http/tracing.hpp"
#include "store/store.hpp"

namespace vka::api::testing {

inline auth::SecretKey fixed_key(unsigned char fill) {
  std::array<unsigned char, auth::SecretKey::size> bytes{};
  bytes.fill(fill);
  return auth::SecretKey{bytes};
}

inline constexpr std::string_view bootstrap_value = "bootstrap-admin-key-0123456789-abcd";

class AuthenticatorFixture : public ::testing::Test {
 protected:
  AuthenticatorFixture()
      : directory(std::filesystem::temp_directory_path() / ("vka-authenticator-test-" + http::random_hex(8))),
        store((std::filesystem::create_directories(directory),
               store::open_store("sqlite://" + (directory / "test.db").string()))),
        master(fixed_key(9)),
        sessions(*store, master, {}),
        authenticator(*store, auth::ApiKeyHasher{fixed_key(7)}, sessions,
                      auth::BootstrapAdminKey::from_environment_value(bootstrap_value).value(),
                      auth::ViewerScope::all_tasks) {
    store->migrate();
    add_key("key_analyst", "CI robot", domain::Role::analyst, analyst_key);
    add_key("key_viewer", "Dashboard", domain::Role::viewer, viewer_key);
  }
  ~AuthenticatorFixture() override {
    store.reset();
    std::error_code ignored;
    std::filesystem::remove_all(directory, ignored);
  }

  void add_key(std::string id, std::string name, domain::Role role, const std::string& key,
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

  std::filesystem::path directory;
  std::unique_ptr<store::Store> store;
  auth::SecretKey master;
  Sessions sessions;
  Authenticator authenticator;
  const std::string analyst_key = auth::generate_api_key();
  const std::string viewer_key = auth::generate_api_key();
};

}  // namespace vka::api::testing
