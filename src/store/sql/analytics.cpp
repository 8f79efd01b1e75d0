#include <algorithm>
#include <map>

#include "store/postgres/database.hpp"
#include "store/sql/results_repository.hpp"
#include "store/sql/results_sql.hpp"
#include "store/sqlite/database.hpp"

namespace vka::store::sql {

namespace {

constexpr int max_top = 1000;
constexpr std::int64_t seconds_per_day = 86400;
// 1970-01-01 was a Thursday: 72 hours after the Monday 00:00 that starts its week.
constexpr std::string_view hour_of_week_sql = "((c.date / 3600) + 72) % 168";
constexpr std::string_view sentiment_counts_sql =
    "COUNT(CASE WHEN c.sentiment = 'positive' THEN 1 END), COUNT(CASE WHEN c.sentiment = 'neutral' THEN 1 END), "
    "COUNT(CASE WHEN c.sentiment = 'negative' THEN 1 END), COUNT(CASE WHEN c.sentiment IS NULL THEN 1 END)";

SentimentCounts read_sentiment(const auto& row, int first) {
  return {row.int64(first), row.int64(first + 1), row.int64(first + 2), row.int64(first + 3)};
}

template <class Dialect>
std::string comments_sql(std::string_view select, const CommentFilter& filter, std::string_view tail = {}) {
  return "SELECT " + std::string(select) + comment_filter_sql<Dialect>(filter) + std::string(tail);
}

template <class Dialect>
void read_totals(auto& c, const CommentFilter& filter, Analytics& out) {
  auto rows =
      query_comments<Dialect>(c,
                     comments_sql<Dialect>("COUNT(*), COUNT(DISTINCT NULLIF(c.from_id, 0)), COALESCE(SUM(c.likes), 0), " +
                                      std::string(sentiment_counts_sql),
                                  filter),
                     filter);
  rows.next();
  out.comments = rows.int64(0);
  out.authors = rows.int64(1);
  out.comment_likes = rows.int64(2);
  out.sentiment = read_sentiment(rows, 3);
}

template <class Dialect>
void read_top_authors(auto& c, const CommentFilter& filter, int limit, Analytics& out) {
  auto rows = query_comments<Dialect>(c,
                             comments_sql<Dialect>("c.from_id, a.name, COUNT(*) AS n", filter,
                                          " GROUP BY c.from_id, a.name ORDER BY n DESC, c.from_id LIMIT ?9"),
                             filter, limit);
  while (rows.next()) out.top_authors.push_back({rows.int64(0), rows.opt_text(1), rows.int64(2)});
}

template <class Dialect>
void read_activity(auto& c, const CommentFilter& filter, Analytics& out) {
  {
    auto rows =
        query_comments<Dialect>(c, comments_sql<Dialect>("c.date / 86400 AS d, COUNT(*)", filter, " GROUP BY d ORDER BY d"), filter);
    while (rows.next()) out.by_day.push_back({domain::from_unix(rows.int64(0) * seconds_per_day), rows.int64(1)});
  }
  auto rows =
      query_comments<Dialect>(c, comments_sql<Dialect>(std::string(hour_of_week_sql) + " AS h, COUNT(*)", filter, " GROUP BY h"), filter);
  while (rows.next()) {
    const std::int64_t hour = rows.int64(0);
    if (hour >= 0 && hour < static_cast<std::int64_t>(out.by_hour_of_week.size()))
      out.by_hour_of_week[static_cast<std::size_t>(hour)] = rows.int64(1);
  }
}

// Posts of the task the filter keeps: ?1 owner_id, ?2 post_id, ?3 task_id.
std::string task_posts_sql(const CommentFilter& filter, std::string_view select, std::string_view tail) {
  std::string sql = "SELECT " + std::string(select) + " FROM task_posts tp WHERE tp.task_id = ?3";
  if (filter.group_id) sql += " AND tp.owner_id = ?1";
  if (filter.post_id) sql += " AND tp.post_id = ?2";
  return sql + std::string(tail);
}

auto query_task_posts(auto& c, const std::string& sql, const CommentFilter& filter) {
  std::optional<std::int64_t> owner_id;
  if (filter.group_id) owner_id = -*filter.group_id;
  return c.query(sql, owner_id, filter.post_id, filter.task_id);
}

template <class Dialect>
void read_communities(auto& c, const CommentFilter& filter, Analytics& out) {
  std::map<std::int64_t, CommunitySummary> by_id;
  {
    auto rows = query_task_posts(
        c, task_posts_sql(filter, "-tp.owner_id, COUNT(*)", " AND tp.owner_id < 0 GROUP BY tp.owner_id"), filter);
    while (rows.next()) {
      CommunitySummary& s = by_id[rows.int64(0)];
      s.community_id = rows.int64(0);
      s.posts = rows.int64(1);
    }
  }
  {
    auto rows = query_comments<Dialect>(c,
                               comments_sql<Dialect>("-c.owner_id, COUNT(*), " + std::string(sentiment_counts_sql), filter,
                                            " AND c.owner_id < 0 GROUP BY c.owner_id"),
                               filter);
    while (rows.next()) {
      CommunitySummary& s = by_id[rows.int64(0)];
      s.community_id = rows.int64(0);
      s.comments = rows.int64(1);
      s.sentiment = read_sentiment(rows, 2);
    }
  }
  for (auto& [id, summary] : by_id) {
    auto rows = c.query("SELECT name FROM communities WHERE id = ?1", id);
    if (rows.next()) summary.name = rows.text(0);
    out.communities.push_back(std::move(summary));
  }
}

template <class Dialect>
void read_posts(auto& c, const CommentFilter& filter, int limit, Analytics& out) {
  {
    auto rows = query_task_posts(c, task_posts_sql(filter, "COUNT(*)", ""), filter);
    rows.next();
    out.posts = rows.int64(0);
  }
  auto rows = query_comments<Dialect>(
      c,
      comments_sql<Dialect>("c.owner_id, c.post_id, COUNT(*) AS n, (SELECT p.likes FROM posts p WHERE p.owner_id = c.owner_id "
                   "AND p.id = c.post_id), " +
                       std::string(sentiment_counts_sql),
                   filter, " GROUP BY c.owner_id, c.post_id ORDER BY n DESC, c.owner_id, c.post_id LIMIT ?9"),
      filter, limit);
  while (rows.next())
    out.posts_summary.push_back({rows.int64(0), rows.int64(1), rows.int64(2), rows.int64(3), read_sentiment(rows, 4)});
}

}  // namespace

template <class Database>
Analytics ResultsRepositoryOn<Database>::analytics(const AnalyticsFilter& filter) {
  using Dialect = typename Database::Dialect;
  CommentFilter comments;
  comments.task_id = filter.task_id;
  comments.group_id = filter.group_id;
  comments.post_id = filter.post_id;
  return database_.read([&](auto& c) {
    Analytics out;
    read_totals<Dialect>(c, comments, out);
    read_top_authors<Dialect>(c, comments, std::clamp(filter.top_authors, 1, max_top), out);
    read_activity<Dialect>(c, comments, out);
    read_communities<Dialect>(c, comments, out);
    read_posts<Dialect>(c, comments, std::clamp(filter.top_posts, 1, max_top), out);
    return out;
  });
}

template Analytics ResultsRepositoryOn<sqlite::Database>::analytics(const AnalyticsFilter&);
template Analytics ResultsRepositoryOn<postgres::Database>::analytics(const AnalyticsFilter&);

}  // namespace vka::store::sql
