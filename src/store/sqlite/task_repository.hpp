#pragma once
#include "store/sqlite/database.hpp"
#include "store/task_repository.hpp"

namespace vka::store::sqlite {

class SqliteTaskRepository final : public TaskRepository {
 public:
  explicit SqliteTaskRepository(Database& database) : database_(database) {}

  StoredEvent create(const domain::Task& task, const NewEvent& first_event, const NewJob& first_job) override;
  std::optional<domain::Task> get(std::string_view id) override;
  TaskPage list(const TaskListQuery& query) override;
  TransitionResult transition(std::string_view id, const TaskTransition& change) override;
  std::optional<StoredEvent> add_progress(std::string_view id, const domain::TaskProgress& delta, domain::Timestamp at,
                                          const NewEvent& event) override;
  std::optional<StoredEvent> add_error(std::string_view id, const domain::TaskError& error,
                                       const NewEvent& event) override;
  bool remove(std::string_view id) override;

 private:
  Database& database_;
};

}  // namespace vka::store::sqlite
