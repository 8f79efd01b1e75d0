#include "collect/comment_paging.hpp"

#include <algorithm>

#include "collect/convert.hpp"
#include "vk/request.hpp"

namespace vka::collect {

namespace {

int pages_left(std::int64_t total, std::int64_t offset, int cap) {
  const std::int64_t pages = (total - offset + vk::kMaxPageCount - 1) / vk::kMaxPageCount;
  return static_cast<int>(std::clamp<std::int64_t>(pages, 1, cap));
}

// VK's counts do not reconcile with what it returns (deleted and hidden items, docs/vk-api.md §8.5): only a short
// or empty page ends a level, whatever the count says. The count only sizes how many pages to ask at once.
bool last_page(const vk::CommentsPage& page) {
  return static_cast<std::int64_t>(page.items.size()) < vk::kMaxPageCount;
}

}  // namespace

std::vector<domain::Comment> top_page_comments(const vk::CommentsPage& page, const analysis::Analyzer& analyzer) {
  std::vector<domain::Comment> comments;
  for (const vk::Comment& top : page.items) {
    comments.push_back(to_comment(top, std::nullopt, analyzer));
    for (const vk::Comment& reply : top.thread.items) comments.push_back(to_comment(reply, top.id, analyzer));
  }
  return comments;
}

std::vector<domain::Comment> branch_page_comments(const vk::CommentsPage& page, std::int64_t comment_id,
                                                  const analysis::Analyzer& analyzer) {
  std::vector<domain::Comment> comments;
  comments.reserve(page.items.size());
  for (const vk::Comment& reply : page.items) comments.push_back(to_comment(reply, comment_id, analyzer));
  return comments;
}

std::optional<CommentsStep> apply_top_page(const CommentsCheckpoint& at, std::int64_t requested_offset,
                                           const vk::CommentsPage& page, bool follow_threads,
                                           std::vector<domain::Comment> comments) {
  if (at.top_done || requested_offset != at.offset) return std::nullopt;
  CommentsStep step;
  step.comments = std::move(comments);
  step.next = at;
  for (const vk::Comment& top : page.items) {
    const auto inlined = static_cast<std::int64_t>(top.thread.items.size());
    const bool queued = std::any_of(step.next.threads.begin(), step.next.threads.end(),
                                    [&](const ThreadCursor& t) { return t.comment_id == top.id; });
    if (follow_threads && top.thread.count > inlined && !queued)
      step.next.threads.push_back({top.id, 0, top.thread.count});
  }
  const std::int64_t level_count = page.current_level_count.value_or(page.count);
  step.next.offset = at.offset + static_cast<std::int64_t>(page.items.size());
  step.next.top_count = level_count;
  step.next.top_done = last_page(page);
  return step;
}

std::optional<CommentsStep> apply_branch_page(const CommentsCheckpoint& at, std::int64_t comment_id,
                                              std::int64_t requested_offset, const vk::CommentsPage& page,
                                              std::vector<domain::Comment> comments) {
  auto thread = std::find_if(at.threads.begin(), at.threads.end(),
                             [&](const ThreadCursor& t) { return t.comment_id == comment_id; });
  if (thread == at.threads.end() || thread->offset != requested_offset) return std::nullopt;
  CommentsStep step;
  step.comments = std::move(comments);
  step.next = at;
  ThreadCursor& cursor = step.next.threads[static_cast<std::size_t>(thread - at.threads.begin())];
  cursor.offset += static_cast<std::int64_t>(page.items.size());
  cursor.count = page.current_level_count.value_or(page.count);
  if (last_page(page)) step.next.threads.erase(step.next.threads.begin() + (thread - at.threads.begin()));
  return step;
}

int top_pages_wanted(const CommentsCheckpoint& at, int cap) {
  if (!at.top_count) return 1;
  return pages_left(*at.top_count, at.offset, cap);
}

int branch_pages_wanted(const ThreadCursor& thread, int cap) { return pages_left(thread.count, thread.offset, cap); }

}  // namespace vka::collect
