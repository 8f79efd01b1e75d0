#include "collect/wall_paging.hpp"

#include <algorithm>

#include "vk/request.hpp"

namespace vka::collect {

namespace {

bool in_window(const vk::Post& post, const PostWindow& window) {
  return (!window.since || post.date >= *window.since) && (!window.until || post.date <= *window.until);
}

std::int64_t pages_for(std::int64_t items) { return (items + vk::kMaxPageCount - 1) / vk::kMaxPageCount; }

}  // namespace

std::optional<WallStep> apply_wall_page(const WallCheckpoint& at, std::int64_t requested_offset,
                                        const vk::WallPage& page, const PostWindow& window) {
  if (requested_offset != at.offset) return std::nullopt;
  WallStep step;
  step.next = at;
  step.next.count = page.count;
  // New posts on top push everything down by `drift`; deletions pull it up.
  const std::int64_t drift = at.count ? page.count - *at.count : 0;
  const std::int64_t first_unseen = at.offset + drift;
  if (first_unseen < requested_offset) {
    step.stale = true;
    step.next.offset = std::max<std::int64_t>(first_unseen, 0);
    return step;
  }
  const auto size = static_cast<std::int64_t>(page.items.size());
  step.next.offset = std::max(first_unseen, requested_offset + size);
  for (std::int64_t i = first_unseen - requested_offset; i < size && !step.done; ++i) {
    const vk::Post& post = page.items[static_cast<std::size_t>(i)];
    if (post.is_pinned) {
      if (in_window(post, window)) {
        step.taken.push_back(post);
        ++step.next.posts_seen;
      }
    } else if (window.until && post.date > *window.until) {
      continue;
    } else if (window.since && post.date < *window.since) {
      step.done = true;
      break;
    } else {
      step.taken.push_back(post);
      ++step.next.posts_seen;
    }
    if (step.next.posts_seen >= window.posts_per_group) step.done = true;
  }
  if (size < vk::kMaxPageCount || step.next.offset >= page.count) step.done = true;
  return step;
}

int wall_pages_wanted(const WallCheckpoint& at, const PostWindow& window, int cap) {
  // Until the first page tells how long the wall is, more pages would be guesses: for a large
  // posts_per_group, up to a whole execute of wall.get calls past the end of a short wall.
  if (!at.count) return 1;
  // The pinned post may take a slot on the first page without counting as one of the newest.
  const std::int64_t remaining =
      std::max<std::int64_t>(window.posts_per_group - at.posts_seen, 1) + (at.offset == 0 ? 1 : 0);
  std::int64_t pages = pages_for(remaining);
  if (at.count) pages = std::min(pages, pages_for(*at.count - at.offset));
  return static_cast<int>(std::clamp<std::int64_t>(pages, 1, cap));
}

}  // namespace vka::collect
