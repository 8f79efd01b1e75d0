#pragma once
// What SQLite does differently from PostgreSQL, for the repositories in store/sql/. SQLite has one writer
// at a time (every write transaction is BEGIN IMMEDIATE), so nothing here needs a row or advisory lock.
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/collected.hpp"
#include "domain/task.hpp"
#include "domain/time.hpp"

namespace vka::store::sqlite {

class Connection;

struct Dialect {
  // The larger of two values.
  static constexpr std::string_view greatest = "MAX";
  // A join whose left side stays the outer loop: SQLite's planner never reorders a CROSS JOIN.
  static constexpr std::string_view ordered_join = "CROSS JOIN";
  // Appended to a SELECT whose rows must not change until the transaction ends: the write lock does that.
  static constexpr std::string_view share_lock = "";

  // The job to lease next (parameter ?1: now), by the fairness rule of job_repository.hpp. "busy" counts
  // each task's live leases; "latest" is the task's most recent lease_seq (jobs_task index). Jobs without a
  // task form one group of their own.
  static constexpr std::string_view next_job =
      "WITH runnable AS ("
      " SELECT id, task_id, priority, run_after AS since FROM jobs WHERE state = 'queued' AND run_after <= ?1"
      " UNION ALL"
      " SELECT id, task_id, priority, lease_expires_at AS since FROM jobs"
      " WHERE state = 'leased' AND lease_expires_at <= ?1) "
      "SELECT r.id FROM runnable r ORDER BY r.priority DESC, "
      " (SELECT COUNT(*) FROM jobs b WHERE b.task_id IS r.task_id AND b.state = 'leased' AND b.lease_expires_at > ?1),"
      " COALESCE((SELECT MAX(l.lease_seq) FROM jobs l WHERE l.task_id IS r.task_id), 0),"
      " r.since, r.id "
      "LIMIT 1";
  // Appended to the SELECT that picks a row to lease: the write lock already keeps other writers out.
  static constexpr std::string_view skip_locked = "";
  // The next value of the lease counter, inside the lease's UPDATE.
  static constexpr std::string_view next_lease_seq = "(SELECT COALESCE(MAX(lease_seq), 0) + 1 FROM jobs)";

  static constexpr std::string_view create_migrations_table =
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)";

  // Comments c whose stems hold every search term; the terms (search_terms) are bound to ?7.
  static constexpr std::string_view search_predicate =
      "c.row_id IN (SELECT rowid FROM comments_fts WHERE comments_fts MATCH ?7)";
  // The FTS5 query that requires every stem; empty when there is no stem to search.
  static std::string search_terms(const std::vector<std::string>& stems);

  // The rows of a JSON array of arrays bound to `param`, as columns c0, c1, … (SQLite types them itself).
  static std::string json_rows(std::string_view param, const std::vector<std::string_view>& types);
  // `column` is one of the numbers of the JSON array of arrays bound to `param` ([[n], …]).
  static std::string in_json_numbers(std::string_view column, std::string_view param);
  // Joined after comments c: one row k per keyword of the comment, the keyword in k.value.
  static constexpr std::string_view each_keyword = ", json_each(c.keywords) AS k";

  // Serializes schema changes: the write transaction already does.
  static void lock_migrations(Connection&) {}
  // Locks the task's row until the transaction ends; false when there is no such task. The write lock does.
  static bool lock_task(Connection&, std::string_view) { return true; }
  // Makes the post's comment writers take turns until the transaction ends. The write lock does.
  static void lock_post(Connection&, std::int64_t, std::int64_t) {}
  // Serializes one VK token's send bookings and returns the clock they are booked by, in Unix microseconds:
  // the write transaction serializes them, and SQLite serves one machine, whose clock every process shares.
  static std::int64_t lock_sends(Connection& connection, std::string_view token_key);

  // Idempotent writes of collected rows by their VK ids (collected_rows.cpp): one statement per author and per
  // post, one per page of comments.
  static void upsert_authors(Connection& connection, const std::vector<domain::Author>& authors, domain::Timestamp at);
  static void upsert_posts(Connection& connection, const std::vector<domain::Post>& posts, domain::Timestamp seen_at);
  // Comments: their posts must be stored first. Nothing is inserted ahead of the lookup of what is stored
  // (PostgreSQL's insert_new_comments): SQLite's plan for it stays on the key, and one statement per page keeps
  // the full-text index to one segment per page.
  static std::set<std::int64_t> insert_new_comments(Connection&, const std::vector<domain::Comment>&,
                                                    domain::Timestamp) {
    return {};
  }
  static void upsert_comments(Connection& connection, const std::vector<domain::Comment>& comments,
                              domain::Timestamp seen_at);
  // Links the posts to the task; counts those new to it, with the comments VK announced for them, and returns
  // their (owner_id, id).
  static std::vector<std::pair<std::int64_t, std::int64_t>> link_posts(Connection& connection, std::string_view task_id,
                                                                       const std::vector<domain::Post>& posts,
                                                                       domain::TaskProgress& counted);
};

}  // namespace vka::store::sqlite
