#include "store/postgres/results_sql.hpp"

namespace vka::store::postgres {

namespace {

std::string keyset_sql(std::string_view column, std::string_view alias, bool descending, bool has_after,
                       int first_param, int limit_param) {
  const std::string a(alias);
  const std::string key = a + "." + std::string(column) + ", " + a + ".owner_id, " + a + ".id";
  const std::string dir = descending ? " DESC" : "";
  std::string sql;
  if (has_after)
    sql += " AND (" + key + ") " + (descending ? "<" : ">") + " ($" + std::to_string(first_param) + ", $" +
           std::to_string(first_param + 1) + ", $" + std::to_string(first_param + 2) + ")";
  sql += " ORDER BY " + a + "." + std::string(column) + dir + ", " + a + ".owner_id" + dir + ", " + a + ".id" + dir +
         " LIMIT $" + std::to_string(limit_param);
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

}  // namespace

std::string search_terms(const std::vector<std::string>& stems) {
  std::string terms;
  for (const std::string& stem : stems) {
    if (stem.empty()) continue;
    if (!terms.empty()) terms += ' ';
    terms += stem;
  }
  return terms;
}

std::string comment_filter_sql(const CommentFilter& filter) {
  std::string sql =
      " FROM comments c JOIN task_posts tp ON tp.owner_id = c.owner_id AND tp.post_id = c.post_id AND tp.task_id = $8"
      " LEFT JOIN authors a ON a.id = c.from_id WHERE TRUE";
  if (filter.group_id) sql += " AND c.owner_id = $1";
  if (filter.post_id) sql += " AND c.post_id = $2";
  if (filter.author_id) sql += " AND c.from_id = $3";
  if (filter.sentiment) sql += " AND c.sentiment = $4";
  if (filter.since) sql += " AND c.date >= $5";
  if (filter.until) sql += " AND c.date < $6";
  // The expression matches the comments_stems index; see the migration for why 'simple'.
  if (!search_terms(filter.stems).empty())
    sql += " AND to_tsvector('simple', c.stems) @@ plainto_tsquery('simple', $7)";
  return sql;
}

std::string comment_list_sql(const CommentQuery& query) {
  const std::string_view column = comment_sort_column(query.sort);
  return "SELECT c.owner_id, c.post_id, c.id, c.parent_id, c.thread_root_id, c.from_id, c.date, c.text, c.likes, "
         "c.deleted, c.sentiment, c.sentiment_score, c.keywords, c.stems, a.name, c." +
         std::string(column) + comment_filter_sql(query.filter) +
         keyset_sql(column, "c", query.descending, query.after.has_value(), 9, 12);
}

std::string post_list_sql(const PostQuery& query) {
  const std::string_view column = post_sort_column(query.sort);
  return "SELECT p.owner_id, p.id, p.from_id, p.date, p.text, p.likes, p.reposts, p.views, p.comments_count, "
         "p.is_pinned, tp.comments_collected, p." +
         std::string(column) +
         " FROM task_posts tp JOIN posts p ON p.owner_id = tp.owner_id AND p.id = tp.post_id WHERE tp.task_id = $2" +
         (query.group_id ? " AND tp.owner_id = $1" : "") +
         keyset_sql(column, "p", query.descending, query.after.has_value(), 3, 6);
}

}  // namespace vka::store::postgres
