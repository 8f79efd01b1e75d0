#pragma once
// What PostgreSQL does differently from SQLite, for the repositories in store/sql/. Several processes write
// at once, so what SQLite's single writer gives for free is taken here with row and advisory locks.
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/collected.hpp"
#include "domain/task.hpp"
#include "domain/time.hpp"

namespace vka::store::postgres {

class Connection;

struct Dialect {
  // The larger of two values.
  static constexpr std::string_view greatest = "GREATEST";
  // PostgreSQL's planner chooses the join order itself.
  static constexpr std::string_view ordered_join = "JOIN";
  // Appended to a SELECT whose rows must not change until the transaction ends.
  static constexpr std::string_view share_lock = " FOR SHARE";

  // The job to lease next (parameter ?1: now), by the fairness rule of job_repository.hpp. "busy" counts
  // each task's live leases; "latest" is the task's most recent lease_seq (jobs_task index). Jobs without a
  // task form one group of their own. Rows another worker is leasing right now are skipped rather than
  // waited for; FOR UPDATE re-checks the WHERE clause on the row's latest version, so a job leased meanwhile
  // is never taken twice.
  static constexpr std::string_view next_job =
      "SELECT r.id FROM jobs r "
      "WHERE (r.state = 'queued' AND r.run_after <= ?1) OR (r.state = 'leased' AND r.lease_expires_at <= ?1) "
      "ORDER BY r.priority DESC, "
      " (SELECT COUNT(*) FROM jobs b WHERE b.task_id IS NOT DISTINCT FROM r.task_id AND b.state = 'leased'"
      "  AND b.lease_expires_at > ?1),"
      " COALESCE((SELECT MAX(l.lease_seq) FROM jobs l WHERE l.task_id IS NOT DISTINCT FROM r.task_id), 0),"
      " CASE WHEN r.state = 'queued' THEN r.run_after ELSE r.lease_expires_at END, r.id "
      "LIMIT 1 FOR UPDATE OF r SKIP LOCKED";
  // Appended to the SELECT that picks a row to lease: rows another process is leasing are skipped.
  static constexpr std::string_view skip_locked = " FOR UPDATE SKIP LOCKED";
  // The next value of the lease counter, inside the lease's UPDATE.
  static constexpr std::string_view next_lease_seq = "nextval('jobs_lease_counter')";

  static constexpr std::string_view create_migrations_table =
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";

  // Comments c whose stems hold every search term; the terms (search_terms) are bound to ?7. The expression
  // matches the comments_stems index; see the migration for why 'simple'.
  static constexpr std::string_view search_predicate =
      "to_tsvector('simple', c.stems) @@ plainto_tsquery('simple', ?7)";
  // The stems as one space-separated text for plainto_tsquery, which requires every word; empty when there
  // is no stem to search.
  static std::string search_terms(const std::vector<std::string>& stems);

  // The rows of a JSON array of arrays bound to `param`, as columns c0, c1, … of the given types.
  static std::string json_rows(std::string_view param, const std::vector<std::string_view>& types);
  // `column` is one of the numbers of the JSON array of arrays bound to `param` ([[n], …]), as an array that an
  // index on the column can look each one up with.
  static std::string in_json_numbers(std::string_view column, std::string_view param);
  // Joined after comments c: one row k per keyword of the comment, the keyword in k.value.
  static constexpr std::string_view each_keyword =
      " CROSS JOIN LATERAL jsonb_array_elements_text(c.keywords::jsonb) AS k(value)";

  // Serializes schema changes across processes until the transaction ends.
  static void lock_migrations(Connection& connection);
  // Locks the task's row until the transaction ends; false when there is no such task.
  static bool lock_task(Connection& connection, std::string_view task_id);
  // Locks the post's row until the transaction ends, so that writers of its comments (several tasks may hold a
  // post) take turns: each then reads what the one before it stored and counts only what it adds, in the post's
  // totals and in the read models of every task holding it.
  static void lock_post(Connection& connection, std::int64_t owner_id, std::int64_t post_id);
  // Serializes one VK token's send bookings, whichever process or host makes them, until the transaction ends,
  // and returns the clock they are booked by, in Unix microseconds: the server's, not this host's, since
  // processes on several hosts must agree on what "now" is.
  static std::int64_t lock_sends(Connection& connection, std::string_view token_key);

  // Idempotent writes of collected rows by their VK ids (collected_rows.cpp): a page goes in one statement
  // per table, its rows travelling as arrays expanded by unnest(), which keeps a page at a few round trips
  // whatever its size. Rows that already hold the same values are not rewritten, so a replayed page leaves
  // no dead row versions behind.
  static void upsert_authors(Connection& connection, const std::vector<domain::Author>& authors, domain::Timestamp at);
  static void upsert_posts(Connection& connection, const std::vector<domain::Post>& posts, domain::Timestamp seen_at);
  // Comments: their posts must be stored first. insert_new_comments inserts those not stored yet and returns
  // their ids, leaving the others as they are: the primary key finds them whatever the planner thinks of the
  // table (a lookup planned while the table was nearly empty kept scanning a wall's comments for every page
  // after it had grown), so only the others are looked up before upsert_comments.
  static std::set<std::int64_t> insert_new_comments(Connection& connection,
                                                    const std::vector<domain::Comment>& comments,
                                                    domain::Timestamp seen_at);
  static void upsert_comments(Connection& connection, const std::vector<domain::Comment>& comments,
                              domain::Timestamp seen_at);
  // Links the posts to the task; counts those new to it, with the comments VK announced for them, and returns
  // their (owner_id, id).
  static std::vector<std::pair<std::int64_t, std::int64_t>> link_posts(Connection& connection, std::string_view task_id,
                                                                       const std::vector<domain::Post>& posts,
                                                                       domain::TaskProgress& counted);
};

}  // namespace vka::store::postgres
