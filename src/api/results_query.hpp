#pragma once
// The query parameters of the results listings and exports, into store queries.
#include <string_view>

#include "analysis/analyzer.hpp"
#include "api/query.hpp"
#include "store/results_repository.hpp"

namespace vka::api {

// ?group_id=&sort=date|-date|comments|likes&cursor=&limit=
// date: oldest first; -date (default): newest first; comments, likes: most first.
store::PostQuery parse_post_query(const QueryParams& query, std::string task_id);
// ?group_id=&post_id=&author_id=&sentiment=&q=&since=&until=&sort=date|-date|likes&cursor=&limit=
// q becomes search stems through the analyzer, so word forms match.
store::CommentQuery parse_comment_query(const QueryParams& query, std::string task_id,
                                        const analysis::Analyzer& analyzer);

// True when q was given but holds no searchable word: nothing can match.
bool has_unsearchable_q(const QueryParams& query, const store::CommentQuery& parsed);

std::string post_cursor(const store::PostQuery& query, const store::RowKey& key);
std::string comment_cursor(const store::CommentQuery& query, const store::RowKey& key);

}  // namespace vka::api
