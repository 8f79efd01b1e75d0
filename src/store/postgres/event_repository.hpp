#pragma once
#include "store/event_repository.hpp"
#include "store/postgres/database.hpp"

namespace vka::store::postgres {

class PostgresEventRepository final : public EventRepository {
 public:
  explicit PostgresEventRepository(Database& database) : database_(database) {}

  std::optional<StoredEvent> append(std::string_view task_id, const NewEvent& event, domain::Timestamp at) override;
  std::vector<StoredEvent> list(std::string_view task_id, std::int64_t after_seq, int limit) override;

 private:
  Database& database_;
};

}  // namespace vka::store::postgres
