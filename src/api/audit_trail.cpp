#include "api/audit_trail.hpp"

#include "domain/ids.hpp"

namespace vka::api {

AuditActor audit_actor(const auth::Principal& principal) {
  if (principal.credential == auth::CredentialKind::session) return {"user", principal.id};
  return {"api_key", principal.credential_id};
}

namespace {

void write_entry(store::Store& store, const AuditActor& actor, std::string_view action, std::string_view target,
                 std::string_view address, std::string_view request_id) {
  store.audit().record({.id = domain::new_id(domain::IdKind::audit_entry),
                        .at = domain::now(),
                        .actor_type = std::string(actor.type),
                        .actor_id = std::string(actor.id),
                        .action = std::string(action),
                        .target = std::string(target),
                        .address = std::string(address),
                        .request_id = std::string(request_id)});
}

}  // namespace

void record_audit(store::Store& store, const http::Request& request, const AuditActor& actor, std::string_view action,
                  std::string_view target) {
  write_entry(store, actor, action, target, request.remote_address, request.request_id);
}

void record_system_audit(store::Store& store, std::string_view actor_id, std::string_view action,
                         std::string_view target) {
  write_entry(store, {"system", actor_id}, action, target, "", "");
}

}  // namespace vka::api
