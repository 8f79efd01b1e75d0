#include <boost/json/array.hpp>

#include "api/audit_trail.hpp"
#include "api/authenticated.hpp"
#include "api/idempotency.hpp"
#include "api/json_input.hpp"
#include "api/newest_first_cursor.hpp"
#include "api/query.hpp"
#include "api/routes.hpp"
#include "api/vk_token_input.hpp"
#include "api/vk_token_json.hpp"
#include "auth/permissions.hpp"
#include "http/envelope.hpp"

namespace vka::api {

namespace {

constexpr std::string_view vk_tokens_cursor_scope = "vk-tokens:-created_at";

void require_token_manager(const auth::Principal& principal) {
  if (!auth::can_manage_vk_tokens(principal)) throw http::forbidden("Viewers cannot manage VK tokens.");
}

// 404 unless the token exists and the caller may use it: another analyst's token does not leak.
store::VkToken usable_token(Services& services, const auth::Principal& principal, std::string_view id) {
  auto token = services.store.vk_tokens().get(id);
  if (!token || !auth::can_use_vk_token(principal, token->owner)) throw http::not_found("No VK token with this id.");
  return std::move(*token);
}

http::Response create_vk_token(Services& services, http::Request& request, const auth::Principal& principal) {
  require_token_manager(principal);
  return run_idempotently(request, principal.id, services.store.idempotency(), [&] {
    const auto input = parse_vk_token_input(read_json_object(request, {"name", "token", "kind"}));
    store::VkToken token;
    services.store.write_together([&] {
      token = services.vk_tokens.add(principal.id, input);
      record_audit(services.store, request, principal, "vk_token.created", token.id);
    });
    auto response = http::envelope(request, 201, vk_token_to_json(token));
    response.headers.set("Location", "/api/v1/vk-tokens/" + token.id);
    return response;
  });
}

http::Response list_vk_tokens(Services& services, http::Request& request, const auth::Principal& principal) {
  require_token_manager(principal);
  const QueryParams query{request};
  store::VkTokenListQuery list_query{.limit = query.limit()};
  if (principal.role != domain::Role::admin) list_query.owner = principal.id;
  if (auto after = read_newest_first_cursor(query, vk_tokens_cursor_scope))
    list_query.after = store::VkTokenCursor{after->created_at, std::move(after->id)};
  const auto page = services.store.vk_tokens().list(list_query);
  boost::json::array items;
  for (const auto& token : page.items) items.push_back(vk_token_to_json(token));
  std::optional<NewestFirstPosition> next;
  if (page.next) next = NewestFirstPosition{page.next->created_at, page.next->id};
  boost::json::object meta{{"limit", list_query.limit},
                           {"next_cursor", next_cursor_json(vk_tokens_cursor_scope, next)}};
  return http::envelope(request, 200, std::move(items), std::move(meta));
}

http::Response get_vk_token(Services& services, http::Request& request, const auth::Principal& principal) {
  require_token_manager(principal);
  return http::envelope(request, 200, vk_token_to_json(usable_token(services, principal, request.path_param("id"))));
}

http::Response delete_vk_token(Services& services, http::Request& request, const auth::Principal& principal) {
  require_token_manager(principal);
  const auto token = usable_token(services, principal, request.path_param("id"));
  services.store.write_together([&] {
    if (!services.store.vk_tokens().remove(token.id)) throw http::not_found("No VK token with this id.");
    record_audit(services.store, request, principal, "vk_token.deleted", token.id);
  });
  return http::no_content();
}

}  // namespace

void add_vk_token_routes(http::Router& router, Services& services) {
  router.add("POST", "/api/v1/vk-tokens", authenticated(services, create_vk_token));
  router.add("GET", "/api/v1/vk-tokens", authenticated(services, list_vk_tokens).taking({"cursor", "limit"}));
  router.add("GET", "/api/v1/vk-tokens/{id}", authenticated(services, get_vk_token));
  router.add("DELETE", "/api/v1/vk-tokens/{id}", authenticated(services, delete_vk_token));
}

}  // namespace vka::api
