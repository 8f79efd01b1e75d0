// API keys over HTTP: everyone makes and revokes their own (with a role no higher than theirs); admins see and
// revoke everyone's.
#include <boost/json/array.hpp>

#include <algorithm>

#include "api/account_input.hpp"
#include "api/account_json.hpp"
#include "api/audit_trail.hpp"
#include "api/authenticated.hpp"
#include "api/idempotency.hpp"
#include "api/json_input.hpp"
#include "api/newest_first_cursor.hpp"
#include "api/query.hpp"
#include "api/routes.hpp"
#include "auth/permissions.hpp"
#include "domain/ids.hpp"
#include "http/envelope.hpp"

namespace vka::api {

namespace {

constexpr std::string_view api_keys_cursor_scope = "api-keys:-created_at";

// Keys of the bootstrap admin and of keys made before accounts belong to no user.
std::optional<std::string> owner_of_new_keys(Services& services, const auth::Principal& principal) {
  if (services.store.users().get(principal.id)) return principal.id;
  return std::nullopt;
}

bool may_manage(const auth::Principal& principal, const store::ApiKey& key) {
  return auth::can_manage_keys(principal) || (key.owner_id && *key.owner_id == principal.id);
}

http::Response create_api_key(Services& services, http::Request& request, const auth::Principal& principal) {
  return run_idempotently(request, principal.id, services.store.idempotency(), [&] {
    const auto now = domain::now();
    const auto input = parse_new_api_key(read_json_object(request, {"name", "role", "expires_at"}), now);
    const auto role = input.role.value_or(principal.role);
    if (role < principal.role)
      throw http::forbidden("A key's role cannot be higher than your own (" +
                            std::string{domain::to_string(principal.role)} + ").");
    const auto key = auth::generate_api_key();
    const store::ApiKey stored{.id = domain::new_id(domain::IdKind::api_key),
                               .name = input.name,
                               .role = role,
                               .key_hash = services.authenticator.key_hasher().hash(key),
                               .created_at = now,
                               .revoked_at = std::nullopt,
                               .owner_id = owner_of_new_keys(services, principal),
                               .expires_at = input.expires_at,
                               .last_used_at = std::nullopt};
    services.store.write_together([&] {
      services.store.api_keys().create(stored);
      record_audit(services.store, request, principal, "api_key.created", stored.id);
    });
    auto json = api_key_to_json(stored, false);
    json["key"] = key;
    auto response = http::envelope(request, 201, std::move(json));
    response.headers.set("Location", "/api/v1/api-keys/" + stored.id);
    response.headers.set("Cache-Control", "no-store");
    return response;
  });
}

// Active keys only, newest first. Keys are few, so the page is cut from the full list.
http::Response list_api_keys(Services& services, http::Request& request, const auth::Principal& principal) {
  const QueryParams query{request};
  const int limit = query.limit();
  const auto after = read_newest_first_cursor(query, api_keys_cursor_scope);
  auto keys = services.store.api_keys().list();
  std::erase_if(keys, [&](const store::ApiKey& key) {
    return key.revoked_at || !may_manage(principal, key) ||
           (after && std::tie(key.created_at, key.id) >= std::tie(after->created_at, after->id));
  });
  std::sort(keys.begin(), keys.end(), [](const store::ApiKey& a, const store::ApiKey& b) {
    return std::tie(a.created_at, a.id) > std::tie(b.created_at, b.id);
  });
  std::optional<NewestFirstPosition> next;
  if (static_cast<int>(keys.size()) > limit) {
    keys.resize(static_cast<std::size_t>(limit));
    next = NewestFirstPosition{keys.back().created_at, keys.back().id};
  }
  boost::json::array items;
  const bool with_owner = auth::can_manage_keys(principal);
  for (const auto& key : keys) items.push_back(api_key_to_json(key, with_owner));
  boost::json::object meta{{"limit", limit}, {"next_cursor", next_cursor_json(api_keys_cursor_scope, next)}};
  return http::envelope(request, 200, std::move(items), std::move(meta));
}

http::Response delete_api_key(Services& services, http::Request& request, const auth::Principal& principal) {
  const auto key = services.store.api_keys().get(request.path_param("id"));
  if (!key || key->revoked_at || !may_manage(principal, *key)) throw http::not_found("No API key with this id.");
  services.store.write_together([&] {
    if (!services.store.api_keys().revoke(key->id, domain::now())) throw http::not_found("No API key with this id.");
    record_audit(services.store, request, principal, "api_key.revoked", key->id);
  });
  return http::no_content();
}

}  // namespace

void add_api_key_routes(http::Router& router, Services& services) {
  router.add("POST", "/api/v1/api-keys", authenticated(services, create_api_key));
  router.add("GET", "/api/v1/api-keys", authenticated(services, list_api_keys).taking({"cursor", "limit"}));
  router.add("DELETE", "/api/v1/api-keys/{id}", authenticated(services, delete_api_key));
}

}  // namespace vka::api
