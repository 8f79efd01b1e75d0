#include "api/authenticator.hpp"

#include "http/api_error.hpp"

namespace vka::api {

auth::Role to_auth_role(store::ApiKeyRole role) {
  switch (role) {
    case store::ApiKeyRole::admin: return auth::Role::admin;
    case store::ApiKeyRole::analyst: return auth::Role::analyst;
    case store::ApiKeyRole::viewer: break;
  }
  return auth::Role::viewer;
}

store::ApiKeyRole to_store_role(auth::Role role) {
  switch (role) {
    case auth::Role::admin: return store::ApiKeyRole::admin;
    case auth::Role::analyst: return store::ApiKeyRole::analyst;
    case auth::Role::viewer: break;
  }
  return store::ApiKeyRole::viewer;
}

Authenticator::Authenticator(store::ApiKeyRepository& keys, auth::ApiKeyHasher hasher,
                             std::optional<auth::BootstrapAdminKey> bootstrap_admin, auth::ViewerScope viewer_scope)
    : keys_(keys), hasher_(std::move(hasher)), bootstrap_admin_(std::move(bootstrap_admin)), viewer_scope_(viewer_scope) {}

auth::Principal Authenticator::authenticate(const http::Request& request) const {
  const auto header = request.headers.get("Authorization");
  if (!header) throw http::unauthorized();
  constexpr std::string_view scheme = "bearer ";
  if (header->size() <= scheme.size() || !http::iequals(header->substr(0, scheme.size()), scheme))
    throw http::unauthorized("Use 'Authorization: Bearer <API key>'.");
  const auto credential = header->substr(scheme.size());
  if (bootstrap_admin_ && bootstrap_admin_->matches(credential))
    return {std::string{bootstrap_admin_id}, auth::Role::admin, "bootstrap admin"};
  if (auth::looks_like_api_key(credential))
    if (const auto key = keys_.find_by_hash(hasher_.hash(credential)))
      return {key->id, to_auth_role(key->role), key->name};
  throw http::unauthorized("The credential is not valid.");
}

}  // namespace vka::api
