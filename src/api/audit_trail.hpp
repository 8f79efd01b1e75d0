#pragma once
// Writing the audit trail: call these inside the Store::write_together that makes the change, so that the
// entry and the change commit together. Targets are ids (or, for sign-ins, the username tried), never secrets.
#include <string_view>

#include "auth/principal.hpp"
#include "http/message.hpp"
#include "store/store.hpp"

namespace vka::api {

struct AuditActor {
  std::string_view type;  // "user", "api_key" or "system"
  std::string_view id;
};

// A session acts as its user; an API key as itself.
AuditActor audit_actor(const auth::Principal& principal);

void record_audit(store::Store& store, const http::Request& request, const AuditActor& actor, std::string_view action,
                  std::string_view target);
inline void record_audit(store::Store& store, const http::Request& request, const auth::Principal& principal,
                         std::string_view action, std::string_view target) {
  record_audit(store, request, audit_actor(principal), action, target);
}
// For what the server or the command line does on its own (actor type "system"; no address, no request).
void record_system_audit(store::Store& store, std::string_view actor_id, std::string_view action,
                         std::string_view target);

}  // namespace vka::api
