#pragma once
// Who is calling: "Authorization: Bearer <API key>" checked against the bootstrap admin key
// and the stored (hashed) API keys.
#include <optional>

#include "auth/api_key.hpp"
#include "auth/permissions.hpp"
#include "auth/principal.hpp"
#include "http/message.hpp"
#include "store/api_key_repository.hpp"

namespace vka::api {

class Authenticator {
 public:
  Authenticator(store::ApiKeyRepository& keys, auth::ApiKeyHasher hasher,
                std::optional<auth::BootstrapAdminKey> bootstrap_admin, auth::ViewerScope viewer_scope);

  // Throws 401 unauthorized when there is no valid credential.
  auth::Principal authenticate(const http::Request& request) const;
  auth::ViewerScope viewer_scope() const { return viewer_scope_; }

 private:
  store::ApiKeyRepository& keys_;
  auth::ApiKeyHasher hasher_;
  std::optional<auth::BootstrapAdminKey> bootstrap_admin_;
  auth::ViewerScope viewer_scope_;
};

// The principal the bootstrap key stands for; tasks it creates are owned by this id.
inline constexpr std::string_view bootstrap_admin_id = "admin";

}  // namespace vka::api
