#pragma once
// The SQL text of the results queries. Only the filters in use appear, so each combination is its own
// prepared statement with its own plan. Parameter numbers are fixed (see the .cpp); every parameter is sent
// with its type, so a statement may leave some of them unused.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/postgres/connection.hpp"
#include "store/results_repository.hpp"

namespace vka::store::postgres {

// Comment filter parameters: $1 owner_id (the community as owner), $2 post_id, $3 author, $4 sentiment,
// $5 since, $6 until, $7 search terms, $8 task_id. The clause joins comments c to the task's posts tp and
// to authors a.
std::string comment_filter_sql(const CommentFilter& filter);

// The stems as one space-separated text for plainto_tsquery, which requires every word; empty when there is
// no stem to search.
std::string search_terms(const std::vector<std::string>& stems);

// Columns read_comment_row expects, then the sort value; from comment_filter_sql's FROM, then keyset
// $9..$11 and LIMIT $12.
std::string comment_list_sql(const CommentQuery& query);

// Post parameters: $1 owner_id (the community as owner), $2 task_id, keyset $3..$5, LIMIT $6.
std::string post_list_sql(const PostQuery& query);

// Runs sql (built on comment_filter_sql) with the filter bound to $1..$8 and extra from $9 on.
template <class... Extra>
Rows query_comments(Connection& connection, const std::string& sql, const CommentFilter& filter,
                    const Extra&... extra) {
  std::optional<std::int64_t> owner_id;
  if (filter.group_id) owner_id = -*filter.group_id;
  std::optional<std::string_view> sentiment;
  if (filter.sentiment) sentiment = domain::to_string(*filter.sentiment);
  return connection.query(sql, owner_id, filter.post_id, filter.author_id, sentiment, filter.since, filter.until,
                          search_terms(filter.stems), filter.task_id, extra...);
}

}  // namespace vka::store::postgres
