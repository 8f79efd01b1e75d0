#pragma once
// Collected posts and comments as export rows: stable column names and typed cells, so that a workbook keeps
// numbers and dates as such and CSV writes them as text. Columns are only ever added at the end.
//   posts:    owner_id, id, date, text, likes, reposts, views, comments_count, comments_collected, is_pinned,
//             url, community_name
//   comments: owner_id, post_id, id, parent_id, thread_root_id, from_id, author_name, date, text, likes,
//             deleted, sentiment, sentiment_score, keywords (space-separated), community_name,
//             post_excerpt (the post's first 100 characters), url (the comment on vk.com)
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "domain/time.hpp"
#include "store/results_repository.hpp"

namespace vka::api {

// Empty (a null), an integer, a decimal, a flag, an instant, or text.
using ExportCell = std::variant<std::monostate, std::int64_t, double, bool, domain::Timestamp, std::string>;

const std::vector<std::string>& post_export_columns();
const std::vector<std::string>& comment_export_columns();
std::vector<ExportCell> post_export_cells(const store::PostRow& row);
std::vector<ExportCell> comment_export_cells(const store::CommentRow& row);

}  // namespace vka::api
