#include "store/sql/task_repository.hpp"

#include <algorithm>

#include "store/json_columns.hpp"
#include "store/postgres/database.hpp"
#include "store/sql/task_rows.hpp"
#include "store/sql/task_writes.hpp"
#include "store/sqlite/database.hpp"

namespace vka::store::sql {

namespace {

constexpr int max_page = 1000;

// Keyset pagination: only the filters in use appear in the SQL, so each combination gets its own
// cached statement and its own index. Parameters: ?1 status, ?2 owner, ?3/?4 cursor, ?5 limit.
std::string list_sql(const TaskListQuery& query) {
  std::string sql = "SELECT " + std::string(task_columns) + " FROM tasks WHERE 1 = 1";
  if (query.status) sql += " AND status = ?1";
  if (query.owner)
    sql += query.shared_with_owner ? " AND (owner = ?2 OR id IN (SELECT task_id FROM task_shares WHERE user_id = ?2))"
                                   : " AND owner = ?2";
  if (query.after) sql += " AND (created_at, id) < (?3, ?4)";
  sql += " ORDER BY created_at DESC, id DESC LIMIT ?5";
  return sql;
}

// Posts only this task references; the CTE every removal statement starts from.
constexpr std::string_view doomed_posts_cte =
    "WITH doomed (owner_id, post_id) AS ("
    " SELECT tp.owner_id, tp.post_id FROM task_posts tp WHERE tp.task_id = ?1 AND NOT EXISTS ("
    "  SELECT 1 FROM task_posts other"
    "  WHERE other.owner_id = tp.owner_id AND other.post_id = tp.post_id AND other.task_id <> ?1)) ";

// Authors of the doomed posts and comments who wrote nothing that stays.
constexpr std::string_view delete_orphan_authors =
    ", candidates (id) AS ("
    " SELECT c.from_id FROM comments c JOIN doomed d ON c.owner_id = d.owner_id AND c.post_id = d.post_id"
    " UNION SELECT p.from_id FROM posts p JOIN doomed d ON p.owner_id = d.owner_id AND p.id = d.post_id"
    " WHERE p.from_id IS NOT NULL) "
    "DELETE FROM authors WHERE id IN (SELECT cand.id FROM candidates cand"
    " WHERE NOT EXISTS (SELECT 1 FROM comments c WHERE c.from_id = cand.id AND NOT EXISTS ("
    "  SELECT 1 FROM doomed d WHERE d.owner_id = c.owner_id AND d.post_id = c.post_id))"
    " AND NOT EXISTS (SELECT 1 FROM posts p WHERE p.from_id = cand.id AND NOT EXISTS ("
    "  SELECT 1 FROM doomed d WHERE d.owner_id = p.owner_id AND d.post_id = p.id)))";

// Cascades to their comments (and the full-text index) and to this task's task_posts rows.
constexpr std::string_view delete_doomed_posts =
    "DELETE FROM posts WHERE (owner_id, id) IN (SELECT owner_id, post_id FROM doomed)";

// Communities this task collected or holds posts of, unless another task collected them or a post of theirs
// stays. Runs before the posts go, while "doomed" can still be computed.
constexpr std::string_view delete_orphan_communities =
    ", candidates (id) AS ("
    " SELECT community_id FROM task_communities WHERE task_id = ?1"
    " UNION SELECT -owner_id FROM doomed WHERE owner_id < 0) "
    "DELETE FROM communities WHERE id IN (SELECT id FROM candidates)"
    " AND NOT EXISTS (SELECT 1 FROM task_communities other"
    "  WHERE other.community_id = communities.id AND other.task_id <> ?1)"
    " AND NOT EXISTS (SELECT 1 FROM posts p WHERE p.owner_id = -communities.id AND NOT EXISTS ("
    "  SELECT 1 FROM doomed d WHERE d.owner_id = p.owner_id AND d.post_id = p.id))";

}  // namespace

template <class Database>
StoredEvent TaskRepositoryOn<Database>::create(const domain::Task& task, const NewEvent& first_event,
                                               const NewJob& first_job) {
  return database_.write([&](auto& c) {
    const domain::TaskProgress& p = task.progress;
    std::optional<std::int64_t> schedule_every;
    if (task.schedule) schedule_every = task.schedule->every.count();
    c.execute(
        "INSERT INTO tasks (id, owner, name, status, params, groups_total, groups_done, posts_found, posts_done, "
        "comments_expected, comments_collected, vk_requests, retries, eta_seconds, created_at, started_at, "
        "finished_at, updated_at, schedule_every_seconds, next_refresh_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?15, ?18, ?19)",
        task.id, task.owner, task.params.name, domain::to_string(task.status), encode_task_params(task.params),
        p.groups_total, p.groups_done, p.posts_found, p.posts_done, p.comments_expected, p.comments_collected,
        p.vk_requests, p.retries, p.eta_seconds, task.created_at, task.started_at, task.finished_at, schedule_every,
        task.next_refresh_at);
    enqueue_job(c, task.id, first_job, task.created_at);
    return *append_event(c, task.id, first_event, task.created_at);
  });
}

template <class Database>
std::optional<domain::Task> TaskRepositoryOn<Database>::get(std::string_view id) {
  return database_.read([&](auto& c) { return find_task(c, id); });
}

template <class Database>
TaskPage TaskRepositoryOn<Database>::list(const TaskListQuery& query) {
  const int limit = std::clamp(query.limit, 1, max_page);
  return database_.read([&](auto& c) {
    TaskPage page;
    std::optional<std::string_view> status;
    if (query.status) status = domain::to_string(*query.status);
    std::optional<domain::Timestamp> after_time;
    std::optional<std::string> after_id;
    if (query.after) {
      after_time = query.after->created_at;
      after_id = query.after->id;
    }
    auto rows = c.query(list_sql(query), status, query.owner, after_time, after_id, limit + 1);
    while (rows.next()) {
      if (static_cast<int>(page.items.size()) == limit) {
        const domain::Task& last = page.items.back();
        page.next = TaskCursor{last.created_at, last.id};
        break;
      }
      page.items.push_back(read_task(c, rows));
    }
    return page;
  });
}

template <class Database>
TransitionResult TaskRepositoryOn<Database>::transition(std::string_view id, const TaskTransition& change) {
  return database_.write([&](auto& c) {
    TransitionResult result;
    const auto changed =
        c.execute(std::string("UPDATE tasks SET status = ?3, started_at = COALESCE(?4, started_at), ") +
                      (change.reopen ? "finished_at = NULL" : "finished_at = COALESCE(?5, finished_at)") +
                      (change.refreshed ? ", last_refreshed_at = ?6" : "") +
                      ", waiting_reason = NULL, waiting_since = NULL, updated_at = ?6 WHERE id = ?1 AND status = ?2",
                  id, domain::to_string(change.from), domain::to_string(change.to), change.started_at,
                  change.finished_at, change.at);
    if (changed == 0) {
      result.task = find_task(c, id);
      result.outcome = result.task ? TransitionResult::Outcome::status_changed : TransitionResult::Outcome::not_found;
      return result;
    }
    result.event = append_event(c, id, change.event, change.at);
    if (change.job) enqueue_job(c, id, *change.job, change.at);
    if (change.reopen) c.execute("DELETE FROM task_errors WHERE task_id = ?1 AND scope = 'task'", id);
    domain::TaskProgress restarted;
    for (const WallRestart& restart : change.restart_walls)
      restarted.groups_done -= c.execute(
          "UPDATE task_communities SET status = 'running', checkpoint = ?3 "
          "WHERE task_id = ?1 AND community_id = ?2 AND status = 'done'",
          id, restart.community_id, restart.checkpoint_json);
    if (restarted.groups_done != 0) add_task_progress(c, id, restarted, change.at);
    result.task = find_task(c, id);
    result.outcome = TransitionResult::Outcome::applied;
    return result;
  });
}

template <class Database>
std::optional<StoredEvent> TaskRepositoryOn<Database>::add_progress(std::string_view id,
                                                                    const domain::TaskProgress& delta,
                                                                    domain::Timestamp at, const NewEvent& event) {
  return database_.write([&](auto& c) -> std::optional<StoredEvent> {
    if (!add_task_progress(c, id, delta, at)) return std::nullopt;
    return append_event(c, id, event, at);
  });
}

template <class Database>
std::optional<StoredEvent> TaskRepositoryOn<Database>::add_error(std::string_view id, const domain::TaskError& error,
                                                                 const NewEvent& event) {
  return database_.write([&](auto& c) -> std::optional<StoredEvent> {
    // The event comes first: it locks the task row, which orders concurrent error seqs on every engine.
    auto stored = append_event(c, id, event, error.at);
    if (!stored) return std::nullopt;
    insert_task_error(c, id, error);
    return stored;
  });
}

template <class Database>
bool TaskRepositoryOn<Database>::set_waiting(std::string_view id, const std::optional<domain::TaskWaiting>& waiting,
                                             domain::Timestamp at, const NewEvent& event) {
  return database_.write([&](auto& c) {
    std::optional<std::string_view> reason;
    std::optional<domain::Timestamp> since;
    if (waiting) {
      reason = waiting->reason;
      since = waiting->since;
    }
    if (c.execute("UPDATE tasks SET waiting_reason = ?2, waiting_since = ?3, updated_at = ?4 "
                  "WHERE id = ?1 AND status = 'running'",
                  id, reason, since, at) == 0)
      return false;
    append_event(c, id, event, at);
    return true;
  });
}

template <class Database>
std::optional<domain::Task> TaskRepositoryOn<Database>::update(std::string_view id, const TaskUpdate& update,
                                                               const NewEvent& event) {
  return database_.write([&](auto& c) -> std::optional<domain::Task> {
    if (c.execute("UPDATE tasks SET updated_at = ?2 WHERE id = ?1", id, update.at) == 0) return std::nullopt;
    if (update.name) c.execute("UPDATE tasks SET name = ?2 WHERE id = ?1", id, *update.name);
    if (update.schedule) {
      std::optional<std::int64_t> every;
      std::optional<domain::Timestamp> next;
      if (*update.schedule) {
        every = (*update.schedule)->every.count();
        next = update.at + (*update.schedule)->every;
      }
      c.execute("UPDATE tasks SET schedule_every_seconds = ?2, next_refresh_at = ?3 WHERE id = ?1", id, every, next);
    }
    append_event(c, id, event, update.at);
    return find_task(c, id);
  });
}

template <class Database>
std::optional<std::string> TaskRepositoryOn<Database>::claim_due_refresh(domain::Timestamp now) {
  return database_.write([&](auto& c) -> std::optional<std::string> {
    auto rows = c.query(
        "UPDATE tasks SET next_refresh_at = CAST(?1 AS BIGINT) + schedule_every_seconds WHERE id = (SELECT id FROM "
        "tasks "
        "WHERE next_refresh_at IS NOT NULL AND next_refresh_at <= ?1 ORDER BY next_refresh_at, id LIMIT 1) "
        "AND next_refresh_at <= ?1 RETURNING id",
        now);
    if (!rows.next()) return std::nullopt;
    return rows.text(0);
  });
}

template <class Database>
TaskCounts TaskRepositoryOn<Database>::counts() {
  return database_.read([](auto& c) {
    TaskCounts counts;
    auto rows = c.query("SELECT status, COUNT(*), COUNT(waiting_reason) FROM tasks GROUP BY status");
    while (rows.next()) {
      const auto status = domain::parse_task_status(rows.text(0));
      if (!status) throw StoreError(StoreErrorKind::corrupt, "a stored task has an unknown status");
      counts.by_status[*status] = rows.int64(1);
      counts.waiting += rows.int64(2);
    }
    return counts;
  });
}

template <class Database>
bool TaskRepositoryOn<Database>::remove(std::string_view id) {
  return database_.write([&](auto& c) {
    const std::string cte(doomed_posts_cte);
    c.execute(cte + std::string(delete_orphan_authors), id);
    c.execute(cte + std::string(delete_orphan_communities), id);
    c.execute(cte + std::string(delete_doomed_posts), id);
    // Cascades to the task's events, errors, jobs and its remaining task_posts and task_communities rows.
    return c.execute("DELETE FROM tasks WHERE id = ?1", id) > 0;
  });
}

template class TaskRepositoryOn<sqlite::Database>;
template class TaskRepositoryOn<postgres::Database>;

}  // namespace vka::store::sql
