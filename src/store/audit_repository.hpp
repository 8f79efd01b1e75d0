#pragma once
// The audit trail: who did what to what, from where. Entries are written with the change they record
// (Store::write_together) and never changed.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/time.hpp"

namespace vka::store {

struct AuditEntry {
  std::string id;
  domain::Timestamp at;
  std::string actor_type;  // "user", "api_key" or "system"
  std::string actor_id;
  std::string action;  // e.g. "auth.login", "user.created", "task.deleted"
  std::string target;  // the id (or, for sign-ins, the username) acted upon
  std::string address;
  std::string request_id;
  std::int64_t seq = 0;  // given by record(): 1, 2, 3… in the order entries commit
  bool operator==(const AuditEntry&) const = default;
};

struct AuditCursor {
  domain::Timestamp at;
  std::string id;
  bool operator==(const AuditCursor&) const = default;
};

struct AuditQuery {
  std::optional<std::string> actor;  // actor_id
  std::optional<std::string> action;
  std::optional<domain::Timestamp> since;  // at >= since
  std::optional<domain::Timestamp> until;  // at < until
  std::optional<AuditCursor> after;
  int limit = 50;  // 1..1000
};

struct AuditPage {
  std::vector<AuditEntry> items;
  std::optional<AuditCursor> next;  // nullopt on the last page
};

// Failed sign-ins in a window: how many, and when the oldest of them happened.
struct FailedLogins {
  std::int64_t count = 0;
  std::optional<domain::Timestamp> oldest;
};

class AuditRepository {
 public:
  virtual ~AuditRepository() = default;
  // Records the entry (its seq is ignored) and announces it to change watchers (Store::watch_changes).
  virtual void record(const AuditEntry& entry) = 0;
  // Newest first: (at, id) descending. limit outside 1..1000 is clamped.
  virtual AuditPage list(const AuditQuery& query) = 0;
  // Oldest first: entries with seq > after_seq, at most limit (clamped to 1..1000) of them.
  virtual std::vector<AuditEntry> after(std::int64_t after_seq, int limit) = 0;
  // "auth.login_failed" entries at or after `since`, for one username and from one address.
  virtual FailedLogins failed_logins_for(std::string_view username, domain::Timestamp since) = 0;
  virtual FailedLogins failed_logins_from(std::string_view address, domain::Timestamp since) = 0;
};

}  // namespace vka::store
