#include "store/sql/job_repository.hpp"

#include <string>

#include "store/postgres/database.hpp"
#include "store/sqlite/database.hpp"

namespace vka::store::sql {

namespace {

// Every fenced change matches on this.
constexpr std::string_view fenced = " WHERE id = ?1 AND lease_generation = ?2 AND state = 'leased'";

std::string fenced_update(std::string_view set) { return "UPDATE jobs SET " + std::string(set) + std::string(fenced); }

// Back to the queue without counting the attempt the lease counted.
template <class Dialect>
std::string uncounted_requeue(std::string_view set) {
  return fenced_update("state = 'queued', lease_owner = NULL, lease_expires_at = NULL, attempts = " +
                       std::string(Dialect::greatest) + "(attempts - 1, 0), " + std::string(set));
}

}  // namespace

template <class Database>
std::optional<LeasedJob> JobRepositoryOn<Database>::lease(std::string_view worker_id, domain::Timestamp now,
                                                          std::chrono::seconds lease_duration) {
  using Dialect = typename Database::Dialect;
  return database_.write([&](auto& c) -> std::optional<LeasedJob> {
    std::int64_t id = 0;
    {
      auto rows = c.query(Dialect::next_job, now);
      if (!rows.next()) return std::nullopt;
      id = rows.int64(0);
    }
    auto rows = c.query(
        "UPDATE jobs SET state = 'leased', lease_owner = ?2, lease_expires_at = ?3, "
        "lease_generation = lease_generation + 1, attempts = attempts + 1, lease_seq = " +
            std::string(Dialect::next_lease_seq) +
            ", updated_at = ?4 WHERE id = ?1 "
            "RETURNING id, task_id, kind, payload, lease_generation, attempts, lease_expires_at",
        id, worker_id, now + lease_duration, now);
    rows.next();
    return LeasedJob{rows.int64(0), rows.opt_text(1), rows.text(2),
                     rows.text(3),  rows.int64(4),    static_cast<int>(rows.int64(5)),
                     rows.time(6)};
  });
}

template <class Database>
bool JobRepositoryOn<Database>::heartbeat(const LeaseToken& lease, domain::Timestamp now,
                                          std::chrono::seconds lease_duration) {
  return database_.write([&](auto& c) {
    return c.execute(fenced_update("lease_expires_at = ?3, updated_at = ?4"), lease.job_id, lease.generation,
                     now + lease_duration, now) == 1;
  });
}

template <class Database>
bool JobRepositoryOn<Database>::complete(const LeaseToken& lease, domain::Timestamp now) {
  return database_.write([&](auto& c) {
    return c.execute(fenced_update("state = 'done', lease_owner = NULL, lease_expires_at = NULL, updated_at = ?3"),
                     lease.job_id, lease.generation, now) == 1;
  });
}

template <class Database>
bool JobRepositoryOn<Database>::retry_later(const LeaseToken& lease, domain::Timestamp run_after,
                                            std::string_view error, domain::Timestamp now) {
  return database_.write([&](auto& c) {
    return c.execute(fenced_update("state = 'queued', lease_owner = NULL, lease_expires_at = NULL, run_after = ?3, "
                                   "last_error = ?4, updated_at = ?5"),
                     lease.job_id, lease.generation, run_after, error, now) == 1;
  });
}

template <class Database>
bool JobRepositoryOn<Database>::fail(const LeaseToken& lease, std::string_view error, domain::Timestamp now) {
  return database_.write([&](auto& c) {
    return c.execute(fenced_update("state = 'failed', lease_owner = NULL, lease_expires_at = NULL, "
                                   "last_error = ?3, updated_at = ?4"),
                     lease.job_id, lease.generation, error, now) == 1;
  });
}

template <class Database>
bool JobRepositoryOn<Database>::release(const LeaseToken& lease, domain::Timestamp now) {
  return database_.write([&](auto& c) {
    return c.execute(uncounted_requeue<typename Database::Dialect>("run_after = ?3, updated_at = ?3"), lease.job_id,
                     lease.generation, now) == 1;
  });
}

template <class Database>
bool JobRepositoryOn<Database>::postpone(const LeaseToken& lease, domain::Timestamp run_after, std::string_view error,
                                         domain::Timestamp now) {
  return database_.write([&](auto& c) {
    return c.execute(uncounted_requeue<typename Database::Dialect>("run_after = ?3, last_error = ?4, updated_at = ?5"),
                     lease.job_id, lease.generation, run_after, error, now) == 1;
  });
}

template <class Database>
JobCounts JobRepositoryOn<Database>::counts() {
  return database_.read([](auto& c) {
    JobCounts counts;
    auto rows = c.query("SELECT state, COUNT(*) FROM jobs GROUP BY state");
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

template class JobRepositoryOn<sqlite::Database>;
template class JobRepositoryOn<postgres::Database>;

}  // namespace vka::store::sql
