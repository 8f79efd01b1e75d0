#include "store/postgres/job_repository.hpp"

namespace vka::store::postgres {

namespace {

// The fairness rule of job_repository.hpp. "busy" counts each task's live leases; "latest" is the task's most
// recent lease_seq (jobs_task index). Jobs without a task form one group of their own. Rows another worker is
// leasing right now are skipped rather than waited for; FOR UPDATE re-checks the WHERE clause on the row's
// latest version, so a job leased meanwhile is never taken twice.
constexpr std::string_view pick_next_sql =
    "SELECT r.id FROM jobs r "
    "WHERE (r.state = 'queued' AND r.run_after <= $1) OR (r.state = 'leased' AND r.lease_expires_at <= $1) "
    "ORDER BY r.priority DESC, "
    " (SELECT COUNT(*) FROM jobs b WHERE b.task_id IS NOT DISTINCT FROM r.task_id AND b.state = 'leased'"
    "  AND b.lease_expires_at > $1),"
    " COALESCE((SELECT MAX(l.lease_seq) FROM jobs l WHERE l.task_id IS NOT DISTINCT FROM r.task_id), 0),"
    " CASE WHEN r.state = 'queued' THEN r.run_after ELSE r.lease_expires_at END, r.id "
    "LIMIT 1 FOR UPDATE OF r SKIP LOCKED";

// Every fenced change matches on this.
constexpr std::string_view fenced = " WHERE id = $1 AND lease_generation = $2 AND state = 'leased'";

std::string fenced_update(std::string_view set) { return "UPDATE jobs SET " + std::string(set) + std::string(fenced); }

}  // namespace

std::optional<LeasedJob> PostgresJobRepository::lease(std::string_view worker_id, domain::Timestamp now,
                                                      std::chrono::seconds lease_duration) {
  return database_.write([&](Connection& c) -> std::optional<LeasedJob> {
    std::int64_t id = 0;
    {
      Rows rows = c.query(pick_next_sql, now);
      if (!rows.next()) return std::nullopt;
      id = rows.int64(0);
    }
    Rows rows = c.query(
        "UPDATE jobs SET state = 'leased', lease_owner = $2, lease_expires_at = $3, "
        "lease_generation = lease_generation + 1, attempts = attempts + 1, "
        "lease_seq = nextval('jobs_lease_counter'), updated_at = $4 WHERE id = $1 "
        "RETURNING id, task_id, kind, payload, lease_generation, attempts, lease_expires_at",
        id, worker_id, now + lease_duration, now);
    rows.next();
    return LeasedJob{rows.int64(0), rows.opt_text(1), rows.text(2),
                     rows.text(3),  rows.int64(4),    static_cast<int>(rows.int64(5)),
                     rows.time(6)};
  });
}

bool PostgresJobRepository::heartbeat(const LeaseToken& lease, domain::Timestamp now,
                                      std::chrono::seconds lease_duration) {
  return database_.write([&](Connection& c) {
    return c.execute(fenced_update("lease_expires_at = $3, updated_at = $4"), lease.job_id, lease.generation,
                     now + lease_duration, now) == 1;
  });
}

bool PostgresJobRepository::complete(const LeaseToken& lease, domain::Timestamp now) {
  return database_.write([&](Connection& c) {
    return c.execute(fenced_update("state = 'done', lease_owner = NULL, lease_expires_at = NULL, updated_at = $3"),
                     lease.job_id, lease.generation, now) == 1;
  });
}

bool PostgresJobRepository::retry_later(const LeaseToken& lease, domain::Timestamp run_after, std::string_view error,
                                        domain::Timestamp now) {
  return database_.write([&](Connection& c) {
    return c.execute(fenced_update("state = 'queued', lease_owner = NULL, lease_expires_at = NULL, run_after = $3, "
                                   "last_error = $4, updated_at = $5"),
                     lease.job_id, lease.generation, run_after, error, now) == 1;
  });
}

bool PostgresJobRepository::fail(const LeaseToken& lease, std::string_view error, domain::Timestamp now) {
  return database_.write([&](Connection& c) {
    return c.execute(fenced_update("state = 'failed', lease_owner = NULL, lease_expires_at = NULL, "
                                   "last_error = $3, updated_at = $4"),
                     lease.job_id, lease.generation, error, now) == 1;
  });
}

bool PostgresJobRepository::release(const LeaseToken& lease, domain::Timestamp now) {
  return database_.write([&](Connection& c) {
    return c.execute(fenced_update("state = 'queued', lease_owner = NULL, lease_expires_at = NULL, run_after = $3, "
                                   "attempts = GREATEST(attempts - 1, 0), updated_at = $3"),
                     lease.job_id, lease.generation, now) == 1;
  });
}

JobCounts PostgresJobRepository::counts() {
  return database_.read([](Connection& c) {
    JobCounts counts;
    Rows rows = c.query("SELECT state, COUNT(*) FROM jobs GROUP BY state");
    while (rows.next()) {
      const std::string state = rows.text(0);
      const std::int64_t n = rows.int64(1);
      if (state == "queued")
        counts.queued = n;
      else if (state == "leased")
        counts.leased = n;
      else if (state == "done")
        counts.done = n;
      else if (state == "failed")
        counts.failed = n;
    }
    return counts;
  });
}

}  // namespace vka::store::postgres
