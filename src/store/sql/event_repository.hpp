#pragma once
// A task's domain events, in SQL both engines run.
#include "store/event_repository.hpp"
#include "store/sql/engines.hpp"

namespace vka::store::sql {

template <class Database>
class EventRepositoryOn final : public EventRepository {
 public:
  explicit EventRepositoryOn(Database& database) : database_(database) {}

  std::optional<StoredEvent> append(std::string_view task_id, const NewEvent& event, domain::Timestamp at) override;
  std::vector<StoredEvent> list(std::string_view task_id, std::int64_t after_seq, int limit) override;

 private:
  Database& database_;
};

extern template class EventRepositoryOn<sqlite::Database>;
extern template class EventRepositoryOn<postgres::Database>;

}  // namespace vka::store::sql
