#pragma once
// Paging a post's comments with wall.getComments sort=asc (offsets stay stable as comments append,
// docs/vk-api.md §8.3): the top level with up to 10 inline replies each, then every reply branch that holds
// more replies than were inlined (§8.4). Pure, apart from the analysis of each comment (*_page_comments), which
// the collector runs apart from the paging (collect/batch_analysis.hpp).
#include <cstdint>
#include <optional>
#include <vector>

#include "analysis/analyzer.hpp"
#include "collect/checkpoint.hpp"
#include "domain/collected.hpp"
#include "vk/types.hpp"

namespace vka::collect {

struct CommentsStep {
  std::vector<domain::Comment> comments;  // ready to store, analysed
  CommentsCheckpoint next;
};

// A top-level page's comments, ready to store: each top-level comment followed by its inline replies.
std::vector<domain::Comment> top_page_comments(const vk::CommentsPage& page, const analysis::Analyzer& analyzer);
// A page of the reply branch of `comment_id`'s comments, ready to store.
std::vector<domain::Comment> branch_page_comments(const vk::CommentsPage& page, std::int64_t comment_id,
                                                  const analysis::Analyzer& analyzer);

// A top-level page read from `requested_offset`, with its top_page_comments; nullopt when that is not where
// the checkpoint stands (an earlier page of the same batch failed). follow_threads: queue the branches to
// page in full.
std::optional<CommentsStep> apply_top_page(const CommentsCheckpoint& at, std::int64_t requested_offset,
                                           const vk::CommentsPage& page, bool follow_threads,
                                           std::vector<domain::Comment> comments);

// A page of the reply branch of `comment_id` read from `requested_offset`, with its branch_page_comments;
// nullopt when the branch is not pending at that offset.
std::optional<CommentsStep> apply_branch_page(const CommentsCheckpoint& at, std::int64_t comment_id,
                                              std::int64_t requested_offset, const vk::CommentsPage& page,
                                              std::vector<domain::Comment> comments);

// Pages (of 100) the top level may still need: 1 until VK has told the level's size, at most `cap`.
int top_pages_wanted(const CommentsCheckpoint& at, int cap);
int branch_pages_wanted(const ThreadCursor& thread, int cap);

}  // namespace vka::collect
