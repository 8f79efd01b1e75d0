#pragma once
// The per-task log of domain events (the outbox behind SSE): seq starts at 1 and increases by one per
// event of a task, and every mutation writes its event in the same transaction as its change.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/time.hpp"

namespace vka::store {

struct NewEvent {
  std::string type;                 // e.g. "task.started", "comments.ingested"
  std::string payload_json = "{}";  // a JSON value, stored as given
};

struct StoredEvent {
  std::string task_id;
  std::int64_t seq = 0;
  std::string type;
  std::string payload_json;
  domain::Timestamp at;
};

class EventRepository {
 public:
  virtual ~EventRepository() = default;
  // Appends in a transaction of its own; nullopt when the task does not exist.
  virtual std::optional<StoredEvent> append(std::string_view task_id, const NewEvent& event, domain::Timestamp at) = 0;
  // Events with seq > after_seq, oldest first, at most limit of them.
  virtual std::vector<StoredEvent> list(std::string_view task_id, std::int64_t after_seq, int limit) = 0;
};

}  // namespace vka::store
