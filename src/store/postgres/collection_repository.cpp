#include "store/postgres/collection_repository.hpp"

#include <algorithm>
#include <map>

#include "store/error.hpp"
#include "store/postgres/collected_rows.hpp"
#include "store/postgres/lease_fence.hpp"
#include "store/postgres/outbox.hpp"
#include "store/postgres/task_writes.hpp"

namespace vka::store::postgres {

namespace {

constexpr int max_page = 1000;
constexpr std::string_view final_statuses = "('done', 'skipped', 'failed')";

// The frame of every collection write: fence, body (which returns what it counted), then the task's
// progress and the event, all in one transaction.
template <class Body>
WriteResult fenced_write(Database& database, const LeaseToken& lease, std::string_view task_id,
                         const RequestCounters& counters, const EventBuilder& event, domain::Timestamp at,
                         Body&& body) {
  if (!event) throw StoreError(StoreErrorKind::internal, "internal error: a collection write has no event");
  return database.write([&](Connection& c) {
    WriteResult result;
    if (!holds_lease(c, lease, task_id)) return result;
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

void record_error(Connection& c, std::string_view task_id, const std::optional<domain::TaskError>& error) {
  if (error) insert_task_error_once(c, task_id, *error);
}

std::optional<std::string> error_code(const std::optional<domain::TaskError>& error) {
  return error ? std::optional<std::string>(error->code) : std::nullopt;
}

// Links the page's posts to the task; counts those new to it, with the comments VK announced for them.
void link_posts(Connection& c, const PostsPageWrite& write, domain::TaskProgress& counted) {
  if (write.posts.empty()) return;
  std::map<std::pair<std::int64_t, std::int64_t>, std::int64_t> comments_count;
  std::vector<std::int64_t> owner_ids, post_ids;
  for (const domain::Post* post : latest_by_key(write.posts, post_key)) {
    owner_ids.push_back(post->owner_id);
    post_ids.push_back(post->id);
    comments_count[post_key(*post)] = post->comments_count;
  }
  Rows linked = c.query(
      "INSERT INTO task_posts (task_id, owner_id, post_id) SELECT $1, u.owner_id, u.post_id "
      "FROM unnest($2::int8[], $3::int8[]) AS u(owner_id, post_id) ON CONFLICT DO NOTHING RETURNING owner_id, post_id",
      write.task_id, owner_ids, post_ids);
  while (linked.next()) {
    ++counted.posts_found;
    counted.comments_expected += std::max<std::int64_t>(comments_count[{linked.int64(0), linked.int64(1)}], 0);
  }
}

}  // namespace

WriteResult PostgresCollectionRepository::link_communities(const LeaseToken& lease, const CommunitiesWrite& write) {
  return fenced_write(database_, lease, write.task_id, write.counters, write.event, write.at, [&](Connection& c) {
    domain::TaskProgress counted;
    for (const CommunityLink& link : write.links) {
      upsert_community(c, link.community, write.at);
      const bool inserted =
          c.execute(
              "INSERT INTO task_communities (task_id, community_id, status, error) VALUES ($1, $2, $3, $4) "
              "ON CONFLICT (task_id, community_id) DO NOTHING",
              write.task_id, link.community.id, to_string(link.status), error_code(link.error)) == 1;
      if (inserted) {
        ++counted.groups_total;
        if (is_final(link.status)) ++counted.groups_done;
      } else if (is_final(link.status)) {
        counted.groups_done +=
            c.execute(final_status_guard("UPDATE task_communities SET status = $3, error = $4 "
                                         "WHERE task_id = $1 AND community_id = $2"),
                      write.task_id, link.community.id, to_string(link.status), error_code(link.error));
      }
      record_error(c, write.task_id, link.error);
    }
    return counted;
  });
}

WriteResult PostgresCollectionRepository::write_posts(const LeaseToken& lease, const PostsPageWrite& write) {
  return fenced_write(database_, lease, write.task_id, write.counters, write.event, write.at, [&](Connection& c) {
    domain::TaskProgress counted;
    upsert_authors(c, write.authors, write.at);
    upsert_posts(c, write.posts);
    link_posts(c, write, counted);
    if (write.community_id) {
      const auto changed =
          c.execute(final_status_guard("UPDATE task_communities SET checkpoint = COALESCE($3, checkpoint), "
                                       "status = CASE WHEN $4 THEN 'done' ELSE 'running' END "
                                       "WHERE task_id = $1 AND community_id = $2"),
                    write.task_id, *write.community_id, write.checkpoint_json, write.community_done);
      if (write.community_done) counted.groups_done += changed;
    }
    return counted;
  });
}

WriteResult PostgresCollectionRepository::write_comments(const LeaseToken& lease, const CommentsPageWrite& write) {
  return fenced_write(database_, lease, write.task_id, write.counters, write.event, write.at, [&](Connection& c) {
    domain::TaskProgress counted;
    std::int64_t counted_before = 0;
    bool was_final = false;
    {
      Rows link = c.query(
          "SELECT comments_collected, status FROM task_posts WHERE task_id = $1 AND owner_id = $2 AND post_id = $3",
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
    upsert_authors(c, write.authors, write.at);
    upsert_comments(c, write.comments);
    // Counting the post's stored comments (rather than the rows this page inserted) keeps the count exact
    // when a page is replayed and when another task stored some of them first.
    std::int64_t stored = 0;
    {
      Rows rows =
          c.query("SELECT COUNT(*) FROM comments WHERE owner_id = $1 AND post_id = $2", write.owner_id, write.post_id);
      rows.next();
      stored = rows.int64(0);
    }
    counted.comments_collected = std::max<std::int64_t>(stored - counted_before, 0);
    c.execute(
        "UPDATE task_posts SET comments_collected = GREATEST(comments_collected, $4), "
        "checkpoint = COALESCE($5, checkpoint), "
        "status = CASE WHEN status IN " +
            std::string(final_statuses) +
            " THEN status "
            "WHEN $6 THEN 'done' ELSE 'running' END WHERE task_id = $1 AND owner_id = $2 AND post_id = $3",
        write.task_id, write.owner_id, write.post_id, stored, write.checkpoint_json, write.post_done);
    if (write.post_done && !was_final) ++counted.posts_done;
    return counted;
  });
}

WriteResult PostgresCollectionRepository::finish_community(const LeaseToken& lease, std::int64_t community_id,
                                                           const LinkFinish& finish) {
  return fenced_write(database_, lease, finish.task_id, finish.counters, finish.event, finish.at, [&](Connection& c) {
    domain::TaskProgress counted;
    if (is_final(finish.status))
      counted.groups_done =
          c.execute(final_status_guard("UPDATE task_communities SET status = $3, error = COALESCE($4, error) "
                                       "WHERE task_id = $1 AND community_id = $2"),
                    finish.task_id, community_id, to_string(finish.status), error_code(finish.error));
    record_error(c, finish.task_id, finish.error);
    return counted;
  });
}

WriteResult PostgresCollectionRepository::finish_post(const LeaseToken& lease, std::int64_t owner_id,
                                                      std::int64_t post_id, const LinkFinish& finish) {
  return fenced_write(database_, lease, finish.task_id, finish.counters, finish.event, finish.at, [&](Connection& c) {
    domain::TaskProgress counted;
    if (is_final(finish.status))
      counted.posts_done = c.execute(
          final_status_guard("UPDATE task_posts SET status = $4 WHERE task_id = $1 AND owner_id = $2 AND post_id = $3"),
          finish.task_id, owner_id, post_id, to_string(finish.status));
    record_error(c, finish.task_id, finish.error);
    return counted;
  });
}

namespace {

LinkStatus read_status(const Rows& row, int column) {
  const auto status = parse_link_status(row.text(column));
  if (!status) throw StoreError(StoreErrorKind::corrupt, "a stored collection link has an unknown status");
  return *status;
}

}  // namespace

std::vector<CommunityState> PostgresCollectionRepository::communities(std::string_view task_id) {
  return database_.read([&](Connection& c) {
    std::vector<CommunityState> states;
    Rows rows = c.query(
        "SELECT community_id, status, checkpoint FROM task_communities WHERE task_id = $1 ORDER BY community_id",
        task_id);
    while (rows.next()) states.push_back({rows.int64(0), read_status(rows, 1), rows.opt_text(2)});
    return states;
  });
}

std::vector<PostState> PostgresCollectionRepository::posts(const PostStateQuery& query) {
  return database_.read([&](Connection& c) {
    std::vector<PostState> states;
    std::optional<std::int64_t> after_owner;
    std::optional<std::int64_t> after_post;
    if (query.after) {
      after_owner = query.after->first;
      after_post = query.after->second;
    }
    Rows rows = c.query(
        "SELECT tp.owner_id, tp.post_id, tp.status, tp.checkpoint, p.comments_count, tp.comments_collected "
        "FROM task_posts tp JOIN posts p ON p.owner_id = tp.owner_id AND p.id = tp.post_id "
        "WHERE tp.task_id = $1 AND (NOT $2 OR tp.status NOT IN " +
            std::string(final_statuses) +
            ") "
            "AND ($3 IS NULL OR (tp.owner_id, tp.post_id) > ($3, $4)) "
            "ORDER BY tp.owner_id, tp.post_id LIMIT $5",
        query.task_id, query.unfinished_only, after_owner, after_post, std::clamp(query.limit, 1, max_page));
    while (rows.next())
      states.push_back(
          {rows.int64(0), rows.int64(1), read_status(rows, 2), rows.opt_text(3), rows.int64(4), rows.int64(5)});
    return states;
  });
}

}  // namespace vka::store::postgres
