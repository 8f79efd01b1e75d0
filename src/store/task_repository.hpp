#pragma once
// Tasks with their progress and errors. Each method is one transaction; each mutation appends its
// domain event (see event_repository.hpp) in that same transaction.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/task.hpp"
#include "domain/time.hpp"
#include "store/event_repository.hpp"
#include "store/job_request.hpp"

namespace vka::store {

// A position in the newest-first order: the last row of the previous page.
struct TaskCursor {
  domain::Timestamp created_at;
  std::string id;
  bool operator==(const TaskCursor&) const = default;
};

struct TaskListQuery {
  std::optional<domain::TaskStatus> status;
  std::optional<std::string> owner;  // nullopt: every owner's tasks
  bool shared_with_owner = false;    // with owner: also the tasks shared with that user
  std::optional<TaskCursor> after;   // nullopt: from the newest
  int limit = 50;                    // 1..1000
};

struct TaskPage {
  std::vector<domain::Task> items;
  std::optional<TaskCursor> next;  // nullopt on the last page
};

// A community of a finished task whose wall a refresh reads again from the top, with the checkpoint to
// start from.
struct WallRestart {
  std::int64_t community_id = 0;
  std::string checkpoint_json;
};

// Every applied transition ends the task's waiting (see domain::TaskWaiting): whoever runs it next sets it
// again if it still has to wait.
struct TaskTransition {
  domain::TaskStatus from;  // compare-and-set: applied only while the task is in this status
  domain::TaskStatus to;
  domain::Timestamp at;
  std::optional<domain::Timestamp> started_at;   // set when given, left as is otherwise
  std::optional<domain::Timestamp> finished_at;  // set when given, left as is otherwise
  NewEvent event;
  std::optional<NewJob> job;  // enqueued with the change, e.g. to resume collection
  // A failed task resumed: finished_at is cleared, and so are its errors of scope "task" (why it failed),
  // which would otherwise end the resumed task as completed_with_errors.
  bool reopen = false;
  bool refreshed = false;  // a refresh ended: last_refreshed_at becomes `at`
  // A refresh starting: each listed community that is done goes back to running with its restart
  // checkpoint, and leaves groups_done until its wall is done again.
  std::vector<WallRestart> restart_walls;
};

// What PATCH changes on a task; each member absent leaves the field as it is.
struct TaskUpdate {
  std::optional<std::optional<std::string>> name;
  // A new schedule (or none) also sets next_refresh_at: `at` + its period, or nothing.
  std::optional<std::optional<domain::TaskSchedule>> schedule;
  domain::Timestamp at;
};

// Tasks by status, and the running ones that are waiting; for the metrics.
struct TaskCounts {
  std::map<domain::TaskStatus, std::int64_t> by_status;  // statuses without tasks are absent
  std::int64_t waiting = 0;
};

struct TransitionResult {
  enum class Outcome { applied, not_found, status_changed };
  Outcome outcome = Outcome::not_found;
  std::optional<domain::Task> task;  // applied: the updated task; status_changed: the task as it is now
  std::optional<StoredEvent> event;  // applied: the event written
};

class TaskRepository {
 public:
  virtual ~TaskRepository() = default;

  // Inserts the task (its errors list is ignored), its first event and its first job atomically.
  // Throws StoreError(conflict) when the id is taken.
  virtual StoredEvent create(const domain::Task& task, const NewEvent& first_event, const NewJob& first_job) = 0;
  virtual std::optional<domain::Task> get(std::string_view id) = 0;
  // Newest first: (created_at, id) descending. limit outside 1..1000 is clamped.
  virtual TaskPage list(const TaskListQuery& query) = 0;
  virtual TransitionResult transition(std::string_view id, const TaskTransition& change) = 0;
  // Adds each counter of delta to the task's counters and replaces eta_seconds when delta has one.
  // nullopt when the task does not exist.
  virtual std::optional<StoredEvent> add_progress(std::string_view id, const domain::TaskProgress& delta,
                                                  domain::Timestamp at, const NewEvent& event) = 0;
  // Sets (or with nullopt, clears) why a running task waits, with the event; false (and nothing written)
  // when the task is not running.
  virtual bool set_waiting(std::string_view id, const std::optional<domain::TaskWaiting>& waiting, domain::Timestamp at,
                           const NewEvent& event) = 0;
  // Applies the update with its event; nullopt when the task does not exist.
  virtual std::optional<domain::Task> update(std::string_view id, const TaskUpdate& update, const NewEvent& event) = 0;
  // Claims one task whose scheduled refresh is due at `now`: its next_refresh_at moves one period past `now`
  // in the same statement, so that of several processes asking at once only one gets it. nullopt: none due.
  virtual std::optional<std::string> claim_due_refresh(domain::Timestamp now) = 0;
  virtual TaskCounts counts() = 0;
  // Appends to the task's errors; nullopt when the task does not exist.
  virtual std::optional<StoredEvent> add_error(std::string_view id, const domain::TaskError& error,
                                               const NewEvent& event) = 0;
  // Removes the task with its events, errors, jobs and links, and the posts, comments, communities and
  // authors no other task references. False when there was no such task.
  virtual bool remove(std::string_view id) = 0;
};

}  // namespace vka::store
