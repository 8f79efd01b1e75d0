#include "store/sqlite/event_repository.hpp"

#include <algorithm>

#include "store/sqlite/outbox.hpp"

namespace vka::store::sqlite {

namespace {
constexpr int max_page = 1000;
}

std::optional<StoredEvent> SqliteEventRepository::append(std::string_view task_id, const NewEvent& event,
                                                         domain::Timestamp at) {
  return database_.write([&](Connection& c) { return append_event(c, task_id, event, at); });
}

std::vector<StoredEvent> SqliteEventRepository::list(std::string_view task_id, std::int64_t after_seq, int limit) {
  return database_.read([&](Connection& c) {
    std::vector<StoredEvent> events;
    Rows rows =
        c.query("SELECT seq, type, payload, at FROM task_events WHERE task_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3",
                task_id, after_seq, std::clamp(limit, 1, max_page));
    while (rows.next())
      events.push_back({std::string(task_id), rows.int64(0), rows.text(1), rows.text(2), rows.time(3)});
    return events;
  });
}

}  // namespace vka::store::sqlite
