// The audit trail, for admins: newest first, filtered by actor, action and time.
#include <boost/json/array.hpp>

#include "api/account_json.hpp"
#include "api/authenticated.hpp"
#include "api/newest_first_cursor.hpp"
#include "api/query.hpp"
#include "api/routes.hpp"
#include "auth/permissions.hpp"
#include "http/envelope.hpp"

namespace vka::api {

namespace {

constexpr std::string_view audit_cursor_scope = "audit:-at";

std::optional<domain::Timestamp> time_filter(const QueryParams& query, std::string_view name) {
  const auto text = query.get(name);
  if (!text || text->empty()) return std::nullopt;
  const auto at = domain::parse_rfc3339(*text);
  if (!at) throw http::validation_failed("Bad time filter.", {{std::string{name}, "must be an RFC 3339 time"}});
  return at;
}

std::optional<std::string> text_filter(const QueryParams& query, std::string_view name) {
  const auto text = query.get(name);
  if (!text || text->empty()) return std::nullopt;
  return std::string{*text};
}

http::Response list_audit(Services& services, http::Request& request, const auth::Principal& principal) {
  if (!auth::can_read_audit(principal)) throw http::forbidden("Only admins read the audit trail.");
  const QueryParams query{request};
  store::AuditQuery audit_query{.actor = text_filter(query, "actor"),
                                .action = text_filter(query, "action"),
                                .since = time_filter(query, "since"),
                                .until = time_filter(query, "until"),
                                .after = std::nullopt,
                                .limit = query.limit()};
  if (auto after = read_newest_first_cursor(query, audit_cursor_scope))
    audit_query.after = store::AuditCursor{after->created_at, std::move(after->id)};
  const auto page = services.store.audit().list(audit_query);
  boost::json::array items;
  for (const auto& entry : page.items) items.push_back(audit_entry_to_json(entry));
  std::optional<NewestFirstPosition> next;
  if (page.next) next = NewestFirstPosition{page.next->at, page.next->id};
  boost::json::object meta{{"limit", audit_query.limit}, {"next_cursor", next_cursor_json(audit_cursor_scope, next)}};
  return http::envelope(request, 200, std::move(items), std::move(meta));
}

}  // namespace

void add_audit_routes(http::Router& router, Services& services) {
  router.add("GET", "/api/v1/audit",
             authenticated(services, list_audit).taking({"actor", "action", "since", "until", "cursor", "limit"}));
}

}  // namespace vka::api
