#include "api/authenticator.hpp"

#include "http/api_error.hpp"

namespace vka::api {

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
    return {std::string{bootstrap_admin_id}, domain::Role::admin, "bootstrap admin"};
  if (auth::looks_like_api_key(credential))
    if (const auto key = keys_.find_by_hash(hasher_.hash(credential))) return {key->id, key->role, key->name};
  throw http::unauthorized("The credential is not valid.");
}

}  // namespace vka::api
