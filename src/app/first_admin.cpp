#include "app/first_admin.hpp"

#include <fmt/format.h>

#include <cstdio>

#include "api/accounts.hpp"
#include "api/audit_trail.hpp"
#include "auth/api_key.hpp"
#include "store/error.hpp"

namespace vka::app {

namespace {
constexpr std::size_t password_length = 24;  // about 143 random bits
}

std::optional<std::string> create_first_admin(store::Store& store, bool admin_api_key_set) {
  if (admin_api_key_set || store.users().any()) return std::nullopt;
  const auto password = auth::random_base62(password_length);
  const auto user = api::make_user({.username = "admin",
                                    .password = password,
                                    .role = store::ApiKeyRole::admin,
                                    .display_name = "Administrator",
                                    .must_change_password = true},
                                   domain::now());
  try {
    store.write_together([&] {
      store.users().create(user);
      api::record_system_audit(store, "bootstrap", "user.created", user.id);
    });
  } catch (const store::StoreError& error) {
    if (error.kind() == store::StoreErrorKind::conflict) return std::nullopt;  // another process made it first
    throw;
  }
  return password;
}

void announce_first_admin(const std::string& password, const std::string& host, std::uint16_t port) {
  std::fputs(fmt::format("\nNo user existed, so user 'admin' was created. Its password is shown only this once.\n"
                         "Sign in at http://{}:{}/ as admin with password {} (you will be asked to change it)\n\n",
                         host, port, password)
                 .c_str(),
             stdout);
  std::fflush(stdout);
}

}  // namespace vka::app
