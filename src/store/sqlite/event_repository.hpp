#pragma once
#include "store/event_repository.hpp"
#include "store/sqlite/database.hpp"

namespace vka::store::sqlite {

class SqliteEventRepository final : public EventRepository {
 public:
  explicit SqliteEventRepository(Database& database) : database_(database) {}

  std::optional<StoredEvent> append(std::string_view task_id, const NewEvent& event, domain::Timestamp at) override;
  std::vector<StoredEvent> list(std::string_view task_id, std::int64_t after_seq, int limit) override;

 private:
  Database& database_;
};

}  // namespace vka::store::sqlite
