#include "store/sql/results_sql.hpp"

#include <fmt/format.h>

#include "store/postgres/dialect.hpp"
#include "store/sqlite/dialect.hpp"

namespace vka::store::sql {

namespace {

std::string keyset_sql(std::string_view column, std::string_view alias, bool descending, bool has_after,
                       int first_param, int limit_param) {
  const std::string a(alias);
  const std::string key = a + "." + std::string(column) + ", " + a + ".owner_id, " + a + ".id";
  const std::string dir = descending ? " DESC" : "";
  std::string sql;
  if (has_after)
    sql += " AND (" + key + ") " + (descending ? "<" : ">") + " (?" + std::to_string(first_param) + ", ?" +
           std::to_string(first_param + 1) + ", ?" + std::to_string(first_param + 2) + ")";
  sql += " ORDER BY " + a + "." + std::string(column) + dir + ", " + a + ".owner_id" + dir + ", " + a + ".id" + dir +
         " LIMIT ?" + std::to_string(limit_param);
  return sql;
}

std::string_view post_sort_column(PostSortKey key) {
  switch (key) {
    case PostSortKey::likes: return "likes";
    case PostSortKey::comments: return "comments_count";
    case PostSortKey::date: break;
  }
  return "date";
}

std::string_view comment_sort_column(CommentSortKey key) { return key == CommentSortKey::likes ? "likes" : "date"; }

// The community whose wall holds the row (owner_id < 0); NULL on user walls and unknown communities.
std::string community_name_sql(std::string_view table) {
  return fmt::format("(SELECT g.name FROM communities g WHERE g.id = -{}.owner_id)", table);
}

}  // namespace

template <class Dialect>
std::string comment_filter_sql(const CommentFilter& filter, JoinOrder order) {
  const std::string_view join = order == JoinOrder::sort_index_first ? Dialect::ordered_join : "JOIN";
  std::string sql = " FROM comments c " + std::string(join) +
                    " task_posts tp ON tp.owner_id = c.owner_id AND tp.post_id = c.post_id AND tp.task_id = ?8"
                    " LEFT JOIN authors a ON a.id = c.from_id WHERE 1 = 1";
  if (filter.group_id) sql += " AND c.owner_id = ?1";
  if (filter.post_id) sql += " AND c.post_id = ?2";
  if (filter.author_id) sql += " AND c.from_id = ?3";
  if (filter.sentiment) sql += " AND c.sentiment = ?4";
  if (filter.since) sql += " AND c.date >= ?5";
  if (filter.until) sql += " AND c.date < ?6";
  if (!Dialect::search_terms(filter.stems).empty()) sql += " AND " + std::string(Dialect::search_predicate);
  return sql;
}

template <class Dialect>
std::string comment_list_sql(const CommentQuery& query) {
  const std::string_view column = comment_sort_column(query.sort);
  // Within one post, its index gives the order. Across the task, walking the sort index and keeping the
  // task's rows serves a page without sorting every comment of the task; selective filters (an author,
  // search terms) are cheaper to apply first and sort.
  const CommentFilter& f = query.filter;
  const bool walk_sort_index = !f.post_id && !f.author_id && Dialect::search_terms(f.stems).empty();
  return "SELECT c.owner_id, c.post_id, c.id, c.parent_id, c.thread_root_id, c.from_id, c.date, c.text, c.likes, "
         "c.deleted, c.sentiment, c.sentiment_score, c.keywords, c.stems, a.name, " +
         community_name_sql("c") + ", (SELECT substr(p.text, 1, " + std::to_string(post_excerpt_length) +
         ") FROM posts p WHERE p.owner_id = c.owner_id AND p.id = c.post_id), c." + std::string(column) +
         ", c.first_seen_at, c.last_seen_at" +
         comment_filter_sql<Dialect>(query.filter, walk_sort_index ? JoinOrder::sort_index_first : JoinOrder::planner) +
         keyset_sql(column, "c", query.descending, query.after.has_value(), 9, 12);
}

template <class Dialect>
std::string post_list_sql(const PostQuery& query) {
  const std::string_view column = post_sort_column(query.sort);
  const std::string from =
      query.group_id
          // One wall: its posts, sorted.
          ? " FROM task_posts tp JOIN posts p ON p.owner_id = tp.owner_id AND p.id = tp.post_id"
            " WHERE tp.task_id = ?2 AND tp.owner_id = ?1"
          // The whole task: walk the sort index, keeping the task's posts.
          : " FROM posts p " + std::string(Dialect::ordered_join) +
                " task_posts tp ON tp.owner_id = p.owner_id AND tp.post_id = p.id WHERE tp.task_id = ?2";
  return "SELECT p.owner_id, p.id, p.from_id, p.date, p.text, p.likes, p.reposts, p.views, p.comments_count, "
         "p.is_pinned, tp.comments_collected, " +
         community_name_sql("p") + ", p." + std::string(column) + ", p.first_seen_at, p.last_seen_at" + from +
         keyset_sql(column, "p", query.descending, query.after.has_value(), 3, 6);
}

template std::string comment_filter_sql<sqlite::Dialect>(const CommentFilter&, JoinOrder);
template std::string comment_filter_sql<postgres::Dialect>(const CommentFilter&, JoinOrder);
template std::string comment_list_sql<sqlite::Dialect>(const CommentQuery&);
template std::string comment_list_sql<postgres::Dialect>(const CommentQuery&);
template std::string post_list_sql<sqlite::Dialect>(const PostQuery&);
template std::string post_list_sql<postgres::Dialect>(const PostQuery&);

}  // namespace vka::store::sql
