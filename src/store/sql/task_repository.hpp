#pragma once
// Tasks, their events and first jobs, in SQL both engines run.
#include "store/sql/engines.hpp"
#include "store/task_repository.hpp"

namespace vka::store::sql {

template <class Database>
class TaskRepositoryOn final : public TaskRepository {
 public:
  explicit TaskRepositoryOn(Database& database) : database_(database) {}

  StoredEvent create(const domain::Task& task, const NewEvent& first_event, const NewJob& first_job) override;
  std::optional<domain::Task> get(std::string_view id) override;
  TaskPage list(const TaskListQuery& query) override;
  TransitionResult transition(std::string_view id, const TaskTransition& change) override;
  std::optional<StoredEvent> add_progress(std::string_view id, const domain::TaskProgress& delta, domain::Timestamp at,
                                          const NewEvent& event) override;
  std::optional<StoredEvent> add_error(std::string_view id, const domain::TaskError& error,
                                       const NewEvent& event) override;
  bool set_waiting(std::string_view id, const std::optional<domain::TaskWaiting>& waiting, domain::Timestamp at,
                   const NewEvent& event) override;
  std::optional<domain::Task> update(std::string_view id, const TaskUpdate& update, const NewEvent& event) override;
  std::optional<std::string> claim_due_refresh(domain::Timestamp now) override;
  TaskCounts counts() override;
  bool remove(std::string_view id) override;

 private:
  Database& database_;
};

extern template class TaskRepositoryOn<sqlite::Database>;
extern template class TaskRepositoryOn<postgres::Database>;

}  // namespace vka::store::sql
