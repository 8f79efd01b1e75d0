#pragma once
// Browser sessions, found by the hash of their id: the id itself lives only in the user's cookie.
#include <optional>
#include <string>
#include <string_view>

#include "domain/time.hpp"

namespace vka::store {

struct Session {
  std::string id_hash;
  std::string user_id;
  domain::Timestamp created_at;
  domain::Timestamp last_seen_at;
  domain::Timestamp expires_at;  // the absolute end, whatever the activity
  bool operator==(const Session&) const = default;
};

class SessionRepository {
 public:
  virtual ~SessionRepository() = default;
  // Throws StoreError(conflict) when the hash is taken.
  virtual void create(const Session& session) = 0;
  // The session unless it has ended: past expires_at at `now`, or unused since `idle_since`.
  virtual std::optional<Session> find_live(std::string_view id_hash, domain::Timestamp now,
                                           domain::Timestamp idle_since) = 0;
  virtual void touch(std::string_view id_hash, domain::Timestamp at) = 0;
  virtual bool remove(std::string_view id_hash) = 0;
  // Ends every session of the user but `keep` (a hash), if given; returns how many ended.
  virtual int remove_for_user(std::string_view user_id, std::optional<std::string_view> keep = std::nullopt) = 0;
  // Forgets sessions that ended: past their expiry at `now`, or unused since `idle_since`.
  virtual void remove_ended(domain::Timestamp now, domain::Timestamp idle_since) = 0;
};

}  // namespace vka::store
