#pragma once
// The query parameters of the results listings and exports, into store queries.
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.hpp"
#include "api/query.hpp"
#include "store/results_repository.hpp"

namespace vka::api {

// The query parameters each results route takes (http/query_names.hpp refuses any other).
std::vector<std::string> post_list_query_names();
std::vector<std::string> comment_list_query_names();
// The export route takes the comments' filters; with what=posts, only the posts' (post_export_query_names).
std::vector<std::string> export_query_names();
std::vector<std::string> post_export_query_names();
std::vector<std::string> analytics_query_names();

// ?group_id=&post_id=&sort=date|-date|comments|likes&cursor=&limit=
// date: oldest first; -date (default): newest first; comments, likes: most first.
store::PostQuery parse_post_query(const QueryParams& query, std::string task_id);
// ?group_id=&post_id=&author_id=&sentiment=&q=&since=&until=&min_score=&max_score=
// q becomes search stems through the analyzer, so word forms match; scores are -1..1, min <= max.
store::CommentFilter parse_comment_filter(const QueryParams& query, std::string task_id,
                                          const analysis::Analyzer& analyzer);
// The filter, then &sort=date|-date|likes|sentiment_score|-sentiment_score&cursor=&limit=
// sentiment_score: most negative first; -sentiment_score: most positive first.
store::CommentQuery parse_comment_query(const QueryParams& query, std::string task_id,
                                        const analysis::Analyzer& analyzer);
// ?count=true|false (default false): whether the listing adds meta.total.
bool wants_count(const QueryParams& query);

// True when q was given but holds no searchable word: nothing can match.
bool has_unsearchable_q(const QueryParams& query, const store::CommentFilter& parsed);

std::string post_cursor(const store::PostQuery& query, const store::RowKey& key);
std::string comment_cursor(const store::CommentQuery& query, const store::RowKey& key);

}  // namespace vka::api
