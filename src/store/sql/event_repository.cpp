#include "store/sql/event_repository.hpp"

#include <algorithm>

#include "store/postgres/database.hpp"
#include "store/sql/task_writes.hpp"
#include "store/sqlite/database.hpp"

namespace vka::store::sql {

namespace {
constexpr int max_page = 1000;
}

template <class Database>
std::optional<StoredEvent> EventRepositoryOn<Database>::append(std::string_view task_id, const NewEvent& event,
                                                               domain::Timestamp at) {
  return database_.write([&](auto& c) { return append_event(c, task_id, event, at); });
}

template <class Database>
std::vector<StoredEvent> EventRepositoryOn<Database>::list(std::string_view task_id, std::int64_t after_seq,
                                                           int limit) {
  return database_.read([&](auto& c) {
    std::vector<StoredEvent> events;
    auto rows =
        c.query("SELECT seq, type, payload, at FROM task_events WHERE task_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3",
                task_id, after_seq, std::clamp(limit, 1, max_page));
    while (rows.next())
      events.push_back({std::string(task_id), rows.int64(0), rows.text(1), rows.text(2), rows.time(3)});
    return events;
  });
}

template class EventRepositoryOn<sqlite::Database>;
template class EventRepositoryOn<postgres::Database>;

}  // namespace vka::store::sql
