#pragma once
// The SQL text of the results queries. Only the filters in use appear, so each combination is its own
// cached statement with its own plan. Parameter numbers are fixed (see the .cpp) and the always-bound ones
// come last; every parameter is bound, whether the statement uses it or not. Templates over the engine's
// Dialect, instantiated for both in the .cpp.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/results_repository.hpp"

namespace vka::store::sql {

enum class JoinOrder {
  planner,           // let the engine choose (aggregates, selective filters)
  sort_index_first,  // scan comments in the listing's index order, probing the task's posts
};

// Comment filter parameters: ?1 owner_id (the community as owner), ?2 post_id, ?3 author, ?4 sentiment,
// ?5 since, ?6 until, ?7 search terms, ?8 min_score, ?9 max_score, ?10 task_id (the last, always used, so that
// every earlier one may be bound). The clause joins comments c to the task's posts tp and to authors a.
template <class Dialect>
std::string comment_filter_sql(const CommentFilter& filter, JoinOrder order = JoinOrder::planner);

// Columns read_comment_row expects, then the sort value; from comment_filter_sql's FROM, then keyset
// ?11..?13 and LIMIT ?14.
template <class Dialect>
std::string comment_list_sql(const CommentQuery& query);

// Post parameters: ?1 owner_id (the community as owner), ?2 task_id, ?3 post_id, keyset ?4..?6, LIMIT ?7.
template <class Dialect>
std::string post_list_sql(const PostQuery& query);

// COUNT(*) of the posts a PostQuery selects, with post_list_sql's ?1..?3.
extern const std::string_view post_count_sql;

// Runs sql (built on comment_filter_sql) with the filter bound to ?1..?10 and extra from ?11 on.
template <class Dialect, class... Extra>
auto query_comments(auto& connection, const std::string& sql, const CommentFilter& filter, const Extra&... extra) {
  std::optional<std::int64_t> owner_id;
  if (filter.group_id) owner_id = -*filter.group_id;
  std::optional<std::string_view> sentiment;
  if (filter.sentiment) sentiment = domain::to_string(*filter.sentiment);
  return connection.query(sql, owner_id, filter.post_id, filter.author_id, sentiment, filter.since, filter.until,
                          Dialect::search_terms(filter.stems), filter.min_score, filter.max_score, filter.task_id,
                          extra...);
}

}  // namespace vka::store::sql
