#include "store/sql/collection_repository.hpp"

#include <algorithm>
#include <set>

#include "store/error.hpp"
#include "store/postgres/database.hpp"
#include "store/sql/lease_fence.hpp"
#include "store/sql/projections.hpp"
#include "store/sql/task_writes.hpp"
#include "store/sqlite/database.hpp"

namespace vka::store::sql {

namespace {

constexpr int max_page = 1000;
constexpr std::string_view final_statuses = "('done', 'skipped', 'failed')";

// The frame of every collection write: fence, body (which returns what it counted), then the task's
// progress and the event, all in one transaction.
template <class Database, class Body>
WriteResult fenced_write(Database& database, const LeaseToken& lease, std::string_view task_id,
                         const RequestCounters& counters, const EventBuilder& event, domain::Timestamp at,
                         Body&& body) {
  if (!event) throw StoreError(StoreErrorKind::internal, "internal error: a collection write has no event");
  return database.write([&](auto& c) {
    WriteResult result;
    if (!holds_lease<typename Database::Dialect>(c, lease, task_id)) return result;
    domain::TaskProgress counted = body(c);
    counted.vk_requests = counters.vk_requests;
    counted.retries = counters.retries;
    counted.eta_seconds = counters.eta_seconds;
    add_task_progress(c, task_id, counted, at);
    result.event = append_event(c, task_id, event(counted), at);
    result.counted = counted;
    result.outcome = WriteResult::Outcome::applied;
    return result;
  });
}

std::string final_status_guard(std::string_view sql_prefix) {
  return std::string(sql_prefix) + " AND status NOT IN " + std::string(final_statuses);
}

void record_error(auto& c, std::string_view task_id, const std::optional<domain::TaskError>& error) {
  if (error) insert_task_error_once(c, task_id, *error);
}

std::optional<std::string> error_code(const std::optional<domain::TaskError>& error) {
  return error ? std::optional<std::string>(error->code) : std::nullopt;
}

void upsert_community(auto& connection, const domain::Community& community, domain::Timestamp at) {
  connection.execute(
      "INSERT INTO communities (id, screen_name, name, is_closed, type, deactivated, updated_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (id) DO UPDATE SET screen_name = excluded.screen_name, "
      "name = excluded.name, is_closed = excluded.is_closed, type = excluded.type, "
      "deactivated = excluded.deactivated, updated_at = excluded.updated_at",
      community.id, community.screen_name, community.name, static_cast<int>(community.is_closed), community.type,
      community.deactivated, at);
}

// The posts of the page the task had done whose comments count changed since: back to running from the
// start, out of posts_done, their expected comments corrected. Call before the page's posts are upserted.
std::vector<std::pair<std::int64_t, std::int64_t>> reopen_changed_posts(auto& c, std::string_view task_id,
                                                                        const std::vector<domain::Post>& posts,
                                                                        domain::TaskProgress& counted) {
  std::vector<std::pair<std::int64_t, std::int64_t>> reopened;
  for (const domain::Post& post : posts) {
    std::int64_t stored_count = 0;
    {
      auto rows = c.query(
          "SELECT p.comments_count FROM task_posts tp JOIN posts p ON p.owner_id = tp.owner_id AND p.id = tp.post_id "
          "WHERE tp.task_id = ?1 AND tp.owner_id = ?2 AND tp.post_id = ?3 AND tp.status = 'done'",
          task_id, post.owner_id, post.id);
      if (!rows.next()) continue;
      stored_count = rows.int64(0);
    }
    if (stored_count == post.comments_count) continue;
    c.execute(
        "UPDATE task_posts SET status = 'running', checkpoint = NULL "
        "WHERE task_id = ?1 AND owner_id = ?2 AND post_id = ?3",
        task_id, post.owner_id, post.id);
    --counted.posts_done;
    counted.comments_expected +=
        std::max<std::int64_t>(post.comments_count, 0) - std::max<std::int64_t>(stored_count, 0);
    reopened.emplace_back(post.owner_id, post.id);
  }
  return reopened;
}

}  // namespace

template <class Database>
WriteResult CollectionRepositoryOn<Database>::link_communities(const LeaseToken& lease, const CommunitiesWrite& write) {
  return fenced_write(database_, lease, write.task_id, write.counters, write.event, write.at, [&](auto& c) {
    domain::TaskProgress counted;
    for (const CommunityLink& link : write.links) {
      upsert_community(c, link.community, write.at);
      const bool inserted =
          c.execute(
              "INSERT INTO task_communities (task_id, community_id, status, error) VALUES (?1, ?2, ?3, ?4) "
              "ON CONFLICT (task_id, community_id) DO NOTHING",
              write.task_id, link.community.id, to_string(link.status), error_code(link.error)) == 1;
      if (inserted) {
        ++counted.groups_total;
        if (is_final(link.status)) ++counted.groups_done;
      } else if (is_final(link.status)) {
        const auto changed =
            c.execute(final_status_guard("UPDATE task_communities SET status = ?3, error = ?4 "
                                         "WHERE task_id = ?1 AND community_id = ?2"),
                      write.task_id, link.community.id, to_string(link.status), error_code(link.error));
        counted.groups_done += changed;
      }
      record_error(c, write.task_id, link.error);
    }
    return counted;
  });
}

template <class Database>
WriteResult CollectionRepositoryOn<Database>::write_posts(const LeaseToken& lease, const PostsPageWrite& write) {
  using Dialect = typename Database::Dialect;
  std::vector<std::pair<std::int64_t, std::int64_t>> opened;
  auto result = fenced_write(database_, lease, write.task_id, write.counters, write.event, write.at, [&](auto& c) {
    domain::TaskProgress counted;
    opened = reopen_changed_posts(c, write.task_id, write.posts, counted);
    Dialect::upsert_authors(c, write.authors, write.at);
    Dialect::upsert_posts(c, write.posts, write.at);
    // A post another task stored first brings its comments into this task's analytics.
    for (const auto& [owner_id, post_id] : Dialect::link_posts(c, write.task_id, write.posts, counted)) {
      Dialect::lock_post(c, owner_id, post_id);
      Projections<Database>::add_post_to_task(c, write.task_id, owner_id, post_id);
      opened.emplace_back(owner_id, post_id);
    }
    if (write.community_id) {
      const auto changed =
          c.execute(final_status_guard("UPDATE task_communities SET checkpoint = COALESCE(?3, checkpoint), "
                                       "status = CASE WHEN ?4 THEN 'done' ELSE 'running' END "
                                       "WHERE task_id = ?1 AND community_id = ?2"),
                    write.task_id, *write.community_id, write.checkpoint_json, write.community_done);
      if (write.community_done) counted.groups_done += changed;
    }
    return counted;
  });
  result.opened = std::move(opened);
  return result;
}

template <class Database>
WriteResult CollectionRepositoryOn<Database>::write_comments(const LeaseToken& lease, const CommentsPageWrite& write) {
  using Dialect = typename Database::Dialect;
  return fenced_write(database_, lease, write.task_id, write.counters, write.event, write.at, [&](auto& c) {
    domain::TaskProgress counted;
    Dialect::lock_post(c, write.owner_id, write.post_id);
    std::int64_t counted_before = 0;
    bool was_final = false;
    {
      auto link = c.query(
          "SELECT comments_collected, status FROM task_posts WHERE task_id = ?1 AND owner_id = ?2 AND post_id = ?3",
          write.task_id, write.owner_id, write.post_id);
      if (!link.next())
        throw StoreError(StoreErrorKind::conflict, "comments were written for a post the task has not stored");
      counted_before = link.int64(0);
      const auto status = parse_link_status(link.text(1));
      was_final = status && is_final(*status);
    }
    for (const domain::Comment& comment : write.comments)
      if (comment.owner_id != write.owner_id || comment.post_id != write.post_id)
        throw StoreError(StoreErrorKind::conflict, "a comment of another post was written with this post's page");
    Dialect::upsert_authors(c, write.authors, write.at);
    const std::set<std::int64_t> inserted = Dialect::insert_new_comments(c, write.comments, write.at);
    const ProjectionDelta delta = Projections<Database>::delta_of_write(c, write.owner_id, write.comments, inserted);
    if (inserted.empty()) {
      Dialect::upsert_comments(c, write.comments, write.at);
    } else {
      std::vector<domain::Comment> others;
      for (const domain::Comment& comment : write.comments)
        if (!inserted.contains(comment.id)) others.push_back(comment);
      Dialect::upsert_comments(c, others, write.at);
    }
    Projections<Database>::apply(c, write.owner_id, write.post_id, delta);
    // Counting the post's stored comments (rather than the rows this page inserted) keeps the count exact
    // when a page is replayed and when another task stored some of them first. post_totals holds that count,
    // just moved by this page: counting the rows instead cost a scan of the post's comments per page.
    std::int64_t stored = 0;
    {
      auto rows = c.query("SELECT comments FROM post_totals WHERE owner_id = ?1 AND post_id = ?2", write.owner_id,
                          write.post_id);
      if (rows.next()) stored = rows.int64(0);
    }
    counted.comments_collected = std::max<std::int64_t>(stored - counted_before, 0);
    const bool finishing = write.post_done && !was_final;
    c.execute("UPDATE task_posts SET comments_collected = " + std::string(Dialect::greatest) +
                  "(comments_collected, ?4), "
                  "checkpoint = COALESCE(?5, checkpoint), "
                  "status = CASE WHEN status IN " +
                  std::string(final_statuses) +
                  " THEN status "
                  "WHEN ?6 THEN 'done' ELSE 'running' END WHERE task_id = ?1 AND owner_id = ?2 AND post_id = ?3",
              write.task_id, write.owner_id, write.post_id, stored, write.checkpoint_json, write.post_done);
    if (finishing) ++counted.posts_done;
    return counted;
  });
}

template <class Database>
WriteResult CollectionRepositoryOn<Database>::finish_community(const LeaseToken& lease, std::int64_t community_id,
                                                               const LinkFinish& finish) {
  return fenced_write(database_, lease, finish.task_id, finish.counters, finish.event, finish.at, [&](auto& c) {
    domain::TaskProgress counted;
    if (is_final(finish.status))
      counted.groups_done =
          c.execute(final_status_guard("UPDATE task_communities SET status = ?3, error = COALESCE(?4, error) "
                                       "WHERE task_id = ?1 AND community_id = ?2"),
                    finish.task_id, community_id, to_string(finish.status), error_code(finish.error));
    record_error(c, finish.task_id, finish.error);
    return counted;
  });
}

template <class Database>
WriteResult CollectionRepositoryOn<Database>::finish_post(const LeaseToken& lease, std::int64_t owner_id,
                                                          std::int64_t post_id, const LinkFinish& finish) {
  return fenced_write(database_, lease, finish.task_id, finish.counters, finish.event, finish.at, [&](auto& c) {
    domain::TaskProgress counted;
    if (is_final(finish.status))
      counted.posts_done = c.execute(
          final_status_guard("UPDATE task_posts SET status = ?4 WHERE task_id = ?1 AND owner_id = ?2 AND post_id = ?3"),
          finish.task_id, owner_id, post_id, to_string(finish.status));
    record_error(c, finish.task_id, finish.error);
    return counted;
  });
}

namespace {

LinkStatus read_status(const auto& row, int column) {
  const auto status = parse_link_status(row.text(column));
  if (!status) throw StoreError(StoreErrorKind::corrupt, "a stored collection link has an unknown status");
  return *status;
}

}  // namespace

template <class Database>
std::vector<CommunityState> CollectionRepositoryOn<Database>::communities(std::string_view task_id) {
  return database_.read([&](auto& c) {
    std::vector<CommunityState> states;
    auto rows = c.query(
        "SELECT community_id, status, checkpoint FROM task_communities WHERE task_id = ?1 ORDER BY community_id",
        task_id);
    while (rows.next()) states.push_back({rows.int64(0), read_status(rows, 1), rows.opt_text(2)});
    return states;
  });
}

template <class Database>
std::vector<PostState> CollectionRepositoryOn<Database>::posts(const PostStateQuery& query) {
  return database_.read([&](auto& c) {
    std::vector<PostState> states;
    std::optional<std::int64_t> after_owner;
    std::optional<std::int64_t> after_post;
    if (query.after) {
      after_owner = query.after->first;
      after_post = query.after->second;
    }
    auto rows = c.query(
        "SELECT tp.owner_id, tp.post_id, tp.status, tp.checkpoint, p.comments_count, tp.comments_collected, "
        "p.last_seen_at "
        "FROM task_posts tp JOIN posts p ON p.owner_id = tp.owner_id AND p.id = tp.post_id "
        "WHERE tp.task_id = ?1 AND (NOT ?2 OR tp.status NOT IN " +
            std::string(final_statuses) +
            ") "
            "AND (?3 IS NULL OR (tp.owner_id, tp.post_id) > (?3, ?4)) "
            "ORDER BY tp.owner_id, tp.post_id LIMIT ?5",
        query.task_id, query.unfinished_only, after_owner, after_post, std::clamp(query.limit, 1, max_page));
    while (rows.next())
      states.push_back({rows.int64(0), rows.int64(1), read_status(rows, 2), rows.opt_text(3), rows.int64(4),
                        rows.int64(5), rows.time(6)});
    return states;
  });
}

template class CollectionRepositoryOn<sqlite::Database>;
template class CollectionRepositoryOn<postgres::Database>;

}  // namespace vka::store::sql
