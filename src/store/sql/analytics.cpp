// ResultsRepositoryOn's analytics: from the read models (sql/projections.cpp) for a whole task or one of its
// communities, O(the result) whatever the task's size; by scanning the comments a narrower filter selects
// otherwise, O(those comments) through the filter's indexes.
#include <algorithm>
#include <map>

#include "store/error.hpp"
#include "store/json_columns.hpp"
#include "store/postgres/database.hpp"
#include "store/projection_delta.hpp"
#include "store/sql/projections.hpp"
#include "store/sql/results_repository.hpp"
#include "store/sql/results_sql.hpp"
#include "store/sqlite/database.hpp"

namespace vka::store::sql {

namespace {

constexpr int max_top = 1000;
constexpr std::int64_t seconds_per_day = 86400;

bool read_models_serve(const CommentFilter& f) {
  return !f.post_id && !f.author_id && !f.sentiment && !f.since && !f.until && f.stems.empty() && !f.min_score &&
         !f.max_score;
}

SentimentCounts read_sentiment(const auto& row, int first) {
  return {row.int64(first), row.int64(first + 1), row.int64(first + 2), row.int64(first + 3)};
}

void add_day(Analytics& out, const auto& row) {
  out.by_day.push_back({domain::from_unix(row.int64(0) * seconds_per_day), row.int64(1), read_sentiment(row, 2)});
}

void add_hour(Analytics& out, std::int64_t hour, std::int64_t comments) {
  if (hour >= 0 && hour < static_cast<std::int64_t>(out.by_hour_of_week.size()))
    out.by_hour_of_week[static_cast<std::size_t>(hour)] = comments;
}

// Rows of (community id, comments, sentiment counts…).
void add_community_comments(auto& rows, std::map<std::int64_t, CommunitySummary>& by_id) {
  while (rows.next()) {
    CommunitySummary& s = by_id[rows.int64(0)];
    s.comments = rows.int64(1);
    s.sentiment = read_sentiment(rows, 2);
  }
}

void add_community_names(auto& c, std::map<std::int64_t, CommunitySummary>& by_id, Analytics& out) {
  for (auto& [id, summary] : by_id) {
    summary.community_id = id;
    auto rows = c.query("SELECT name FROM communities WHERE id = ?1", id);
    if (rows.next()) summary.name = rows.text(0);
    out.communities.push_back(std::move(summary));
  }
}

// ---- From the read models: ?1 task_id, ?2 the community's owner_id or NULL, ?3 a limit.

// Rows of the task, or of the one wall ?2 names.
std::string scope(std::string_view alias, const CommentFilter& f) {
  const std::string a = alias.empty() ? "" : std::string(alias) + ".";
  return " WHERE " + a + "task_id = ?1 AND " + (f.group_id ? a + "owner_id = ?2" : "?2 IS NULL");
}

auto query_scope(auto& c, const std::string& sql, const CommentFilter& f, auto... extra) {
  std::optional<std::int64_t> owner_id;
  if (f.group_id) owner_id = -*f.group_id;
  return c.query(sql, f.task_id, owner_id, extra...);
}

// Counted and ranked at ingest (migrations/*/0013_ranked_authors.sql): the wall's rows, or the task's over all
// its walls. The index ranks the authors of at least 8 comments (the migration's partial index names the same
// floor); when fewer than `top_authors` have that many, every author row is sorted, which costs little then.
constexpr std::string_view ranked_authors_only = " AND a.comments >= 8";

void read_authors(auto& c, const CommentFilter& f, int top_authors, Analytics& out) {
  const bool wall = f.group_id.has_value();
  {
    auto rows = query_scope(c,
                            "SELECT COALESCE(SUM(authors), 0) FROM " +
                                std::string(wall ? "task_owner_totals" : "task_totals") + scope("", f),
                            f);
    rows.next();
    out.authors = rows.int64(0);
  }
  for (const std::string_view ranked : {ranked_authors_only, std::string_view{}}) {
    out.top_authors.clear();
    auto rows = query_scope(c,
                            "SELECT a.from_id, au.name, a.comments FROM " +
                                std::string(wall ? "task_owner_authors" : "task_authors") +
                                " a LEFT JOIN authors au ON au.id = a.from_id" + scope("a", f) + std::string(ranked) +
                                " ORDER BY a.comments DESC, a.from_id LIMIT ?3",
                            f, top_authors);
    while (rows.next()) out.top_authors.push_back({rows.int64(0), rows.opt_text(1), rows.int64(2)});
    if (out.top_authors.size() == static_cast<std::size_t>(top_authors)) return;
  }
}

constexpr std::string_view summed_sentiment =
    "COALESCE(SUM(positive), 0), COALESCE(SUM(neutral), 0), COALESCE(SUM(negative), 0), COALESCE(SUM(unlabelled), 0)";

void read_modelled(auto& c, const CommentFilter& f, int top_authors, int top_posts, Analytics& out) {
  {
    auto rows = query_scope(c,
                            "SELECT COALESCE(SUM(comments), 0), COALESCE(SUM(likes), 0), " +
                                std::string(summed_sentiment) + " FROM task_owner_totals" + scope("", f),
                            f);
    rows.next();
    out.comments = rows.int64(0);
    out.comment_likes = rows.int64(1);
    out.sentiment = read_sentiment(rows, 2);
  }
  read_authors(c, f, top_authors, out);
  {
    auto rows = query_scope(c,
                            "SELECT day, SUM(comments), " + std::string(summed_sentiment) + " FROM task_owner_days" +
                                scope("", f) + " GROUP BY day ORDER BY day",
                            f);
    while (rows.next()) add_day(out, rows);
  }
  {
    auto rows = query_scope(c, "SELECT hour, SUM(comments) FROM task_owner_hours" + scope("", f) + " GROUP BY hour", f);
    while (rows.next()) add_hour(out, rows.int64(0), rows.int64(1));
  }
  {
    auto rows = query_scope(c, "SELECT COUNT(*) FROM task_posts" + scope("", f), f);
    rows.next();
    out.posts = rows.int64(0);
  }
  std::map<std::int64_t, CommunitySummary> by_id;
  {
    auto rows = query_scope(
        c, "SELECT -owner_id, COUNT(*) FROM task_posts" + scope("", f) + " AND owner_id < 0 GROUP BY owner_id", f);
    while (rows.next()) by_id[rows.int64(0)].posts = rows.int64(1);
  }
  {
    auto rows = query_scope(c,
                            "SELECT -owner_id, SUM(comments), " + std::string(summed_sentiment) +
                                " FROM task_owner_totals" + scope("", f) + " AND owner_id < 0 GROUP BY owner_id",
                            f);
    add_community_comments(rows, by_id);
  }
  add_community_names(c, by_id, out);
  auto rows = query_scope(c,
                          "SELECT pt.owner_id, pt.post_id, pt.comments, p.likes, pt.positive, pt.neutral, "
                          "pt.negative, pt.unlabelled FROM task_posts tp "
                          "JOIN post_totals pt ON pt.owner_id = tp.owner_id AND pt.post_id = tp.post_id "
                          "JOIN posts p ON p.owner_id = tp.owner_id AND p.id = tp.post_id" +
                              scope("tp", f) + " ORDER BY pt.comments DESC, pt.owner_id, pt.post_id LIMIT ?3",
                          f, top_posts);
  while (rows.next())
    out.posts_summary.push_back({rows.int64(0), rows.int64(1), rows.int64(2), rows.int64(3), read_sentiment(rows, 4)});
}

// ---- By scanning the comments the filter selects (results_sql.hpp numbers its parameters).

constexpr std::string_view sentiment_counts_sql =
    "COUNT(CASE WHEN c.sentiment = 'positive' THEN 1 END), COUNT(CASE WHEN c.sentiment = 'neutral' THEN 1 END), "
    "COUNT(CASE WHEN c.sentiment = 'negative' THEN 1 END), COUNT(CASE WHEN c.sentiment IS NULL THEN 1 END)";

template <class Dialect>
std::string comments_sql(std::string_view select, const CommentFilter& filter, std::string_view tail = {}) {
  return "SELECT " + std::string(select) + comment_filter_sql<Dialect>(filter) + std::string(tail);
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
void read_scanned(auto& c, const CommentFilter& f, int top_authors, int top_posts, Analytics& out) {
  {
    auto rows = query_comments<Dialect>(
        c,
        comments_sql<Dialect>("COUNT(*), COUNT(DISTINCT NULLIF(c.from_id, 0)), COALESCE(SUM(c.likes), 0), " +
                                  std::string(sentiment_counts_sql),
                              f),
        f);
    rows.next();
    out.comments = rows.int64(0);
    out.authors = rows.int64(1);
    out.comment_likes = rows.int64(2);
    out.sentiment = read_sentiment(rows, 3);
  }
  {
    auto rows = query_comments<Dialect>(c,
                                        comments_sql<Dialect>("c.from_id, a.name, COUNT(*) AS n", f,
                                                              " GROUP BY c.from_id, a.name ORDER BY n DESC, "
                                                              "c.from_id LIMIT ?11"),
                                        f, top_authors);
    while (rows.next()) out.top_authors.push_back({rows.int64(0), rows.opt_text(1), rows.int64(2)});
  }
  {
    auto rows = query_comments<Dialect>(
        c,
        comments_sql<Dialect>("c.date / 86400 AS d, COUNT(*), " + std::string(sentiment_counts_sql), f,
                              " GROUP BY c.date / 86400 ORDER BY d"),
        f);
    while (rows.next()) add_day(out, rows);
  }
  {
    auto rows = query_comments<Dialect>(
        c,
        comments_sql<Dialect>("(c.date / 3600 + 72) % 168 AS h, COUNT(*)", f, " GROUP BY (c.date / 3600 + 72) % 168"),
        f);
    while (rows.next()) add_hour(out, rows.int64(0), rows.int64(1));
  }
  std::map<std::int64_t, CommunitySummary> by_id;
  {
    auto rows = query_task_posts(
        c, task_posts_sql(f, "-tp.owner_id, COUNT(*)", " AND tp.owner_id < 0 GROUP BY tp.owner_id"), f);
    while (rows.next()) by_id[rows.int64(0)].posts = rows.int64(1);
  }
  {
    auto rows =
        query_comments<Dialect>(c,
                                comments_sql<Dialect>("-c.owner_id, COUNT(*), " + std::string(sentiment_counts_sql), f,
                                                      " AND c.owner_id < 0 GROUP BY c.owner_id"),
                                f);
    add_community_comments(rows, by_id);
  }
  add_community_names(c, by_id, out);
  {
    auto rows = query_task_posts(c, task_posts_sql(f, "COUNT(*)", ""), f);
    rows.next();
    out.posts = rows.int64(0);
  }
  auto rows = query_comments<Dialect>(
      c,
      comments_sql<Dialect>("c.owner_id, c.post_id, COUNT(*) AS n, (SELECT p.likes FROM posts p WHERE "
                            "p.owner_id = c.owner_id AND p.id = c.post_id), " +
                                std::string(sentiment_counts_sql),
                            f, " GROUP BY c.owner_id, c.post_id ORDER BY n DESC, c.owner_id, c.post_id LIMIT ?11"),
      f, top_posts);
  while (rows.next())
    out.posts_summary.push_back({rows.int64(0), rows.int64(1), rows.int64(2), rows.int64(3), read_sentiment(rows, 4)});
}

// ---- Counts for statistics computed outside the store.

std::int64_t modelled_comments(auto& c, const CommentFilter& f) {
  auto rows = query_scope(c, "SELECT COALESCE(SUM(comments), 0) FROM task_owner_totals" + scope("", f), f);
  rows.next();
  return rows.int64(0);
}

template <class Dialect>
std::int64_t scanned_comments(auto& c, const CommentFilter& f) {
  auto rows = query_comments<Dialect>(c, comments_sql<Dialect>("COUNT(*)", f), f);
  rows.next();
  return rows.int64(0);
}

// (key, comments) of a phrase read model, keys in at least min_comments comments of the walls in scope, by key.
// A key that reaches the floor over n walls has at least floor / n comments on one of them, so only keys with
// that many on some wall are summed: the few frequent ones, through the (task_id, comments) index, rather than
// every phrase of the task.
std::vector<std::pair<std::string, std::int64_t>> modelled_counts(auto& c, std::string_view table, std::string_view key,
                                                                  const CommentFilter& f, std::int64_t min_comments) {
  std::int64_t walls = 0;
  {
    auto rows = query_scope(c, "SELECT COUNT(*) FROM task_owner_totals" + scope("", f), f);
    rows.next();
    walls = std::max<std::int64_t>(rows.int64(0), 1);
  }
  const std::string k(key);
  const std::string t(table);
  std::vector<std::pair<std::string, std::int64_t>> out;
  if (walls == 1) {
    // Each key has one row: the (task_id, comments) index hands over the frequent ones as they are. Sorted here,
    // since ordering in SQL would walk the primary key, over every key of the task, instead.
    auto rows =
        query_scope(c, "SELECT " + k + ", comments FROM " + t + scope("", f) + " AND comments >= ?3", f, min_comments);
    while (rows.next()) out.emplace_back(rows.text(0), rows.int64(1));
    std::sort(out.begin(), out.end());
    return out;
  }
  auto rows =
      query_scope(c,
                  "SELECT a." + k + ", SUM(a.comments) FROM " + t + " a" + scope("a", f) + " AND a." + k +
                      " IN (SELECT b." + k + " FROM " + t + " b" + scope("b", f) +
                      " AND b.comments >= ?4) GROUP BY a." + k + " HAVING SUM(a.comments) >= ?3 ORDER BY a." + k,
                  f, min_comments, (min_comments + walls - 1) / walls);
  while (rows.next()) out.emplace_back(rows.text(0), rows.int64(1));
  return out;
}

std::vector<std::pair<std::string, std::int64_t>> at_least(const std::map<std::string, std::int64_t>& counts,
                                                           std::int64_t min_comments) {
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const auto& [key, count] : counts)
    if (count >= min_comments) out.emplace_back(key, count);
  return out;
}

}  // namespace

template <class Database>
Analytics ResultsRepositoryOn<Database>::analytics(const AnalyticsFilter& filter) {
  using Dialect = typename Database::Dialect;
  const int top_authors = std::clamp(filter.top_authors, 1, max_top);
  const int top_posts = std::clamp(filter.top_posts, 1, max_top);
  return database_.read([&](auto& c) {
    Analytics out;
    if (read_models_serve(filter.comments))
      read_modelled(c, filter.comments, top_authors, top_posts, out);
    else
      read_scanned<Dialect>(c, filter.comments, top_authors, top_posts, out);
    return out;
  });
}

template <class Database>
KeywordCounts ResultsRepositoryOn<Database>::keyword_counts(const CommentFilter& filter) {
  using Dialect = typename Database::Dialect;
  return database_.read([&](auto& c) {
    KeywordCounts out;
    if (read_models_serve(filter)) {
      out.comments = modelled_comments(c, filter);
      auto rows = query_scope(c,
                              "SELECT keyword, SUM(comments) FROM task_owner_keywords" + scope("", filter) +
                                  " GROUP BY keyword ORDER BY keyword",
                              filter);
      while (rows.next()) out.keywords.emplace_back(rows.text(0), rows.int64(1));
      return out;
    }
    out.comments = scanned_comments<Dialect>(c, filter);
    auto rows = query_comments<Dialect>(c,
                                        "SELECT k.value, COUNT(*) FROM (" +
                                            comments_sql<Dialect>("c.keywords AS keywords", filter) + ") c" +
                                            std::string(Dialect::each_keyword) + " GROUP BY k.value ORDER BY k.value",
                                        filter);
    while (rows.next()) out.keywords.emplace_back(rows.text(0), rows.int64(1));
    return out;
  });
}

template <class Database>
PhraseCounts ResultsRepositoryOn<Database>::phrase_counts(const CommentFilter& filter, std::int64_t min_comments) {
  using Dialect = typename Database::Dialect;
  return database_.read([&](auto& c) {
    PhraseCounts out;
    if (read_models_serve(filter)) {
      out.comments = modelled_comments(c, filter);
      out.phrases = modelled_counts(c, "task_owner_phrases", "phrase", filter, min_comments);
      out.words = modelled_counts(c, "task_owner_phrase_words", "word", filter, min_comments);
      return out;
    }
    out.comments = scanned_comments<Dialect>(c, filter);
    PhraseTally tally;
    auto rows = query_comments<Dialect>(c, comments_sql<Dialect>("c.phrases", filter), filter);
    while (rows.next())
      if (const auto phrases = rows.opt_text(0)) tally.add(decode_phrases(*phrases), +1);
    out.phrases = at_least(tally.phrase_counts(), min_comments);
    out.words = at_least(tally.word_counts(), min_comments);
    return out;
  });
}

template <class Database>
void ResultsRepositoryOn<Database>::rebuild_analytics(std::string_view task_id) {
  database_.write([&](auto& c) { Projections<Database>::rebuild(c, task_id, find_phrases_); });
}

template Analytics ResultsRepositoryOn<sqlite::Database>::analytics(const AnalyticsFilter&);
template Analytics ResultsRepositoryOn<postgres::Database>::analytics(const AnalyticsFilter&);
template KeywordCounts ResultsRepositoryOn<sqlite::Database>::keyword_counts(const CommentFilter&);
template KeywordCounts ResultsRepositoryOn<postgres::Database>::keyword_counts(const CommentFilter&);
template PhraseCounts ResultsRepositoryOn<sqlite::Database>::phrase_counts(const CommentFilter&, std::int64_t);
template PhraseCounts ResultsRepositoryOn<postgres::Database>::phrase_counts(const CommentFilter&, std::int64_t);
template void ResultsRepositoryOn<sqlite::Database>::rebuild_analytics(std::string_view);
template void ResultsRepositoryOn<postgres::Database>::rebuild_analytics(std::string_view);

}  // namespace vka::store::sql
