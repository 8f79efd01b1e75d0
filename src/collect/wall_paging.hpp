#pragma once
// Paging a community wall with wall.get (newest first): which posts of a page the task takes, where the
// next page starts, and when the wall is done (docs/vk-api.md §8.1, §8.2). Pure.
#include <cstdint>
#include <optional>
#include <vector>

#include "collect/checkpoint.hpp"
#include "domain/time.hpp"
#include "vk/types.hpp"

namespace vka::collect {

struct PostWindow {
  std::int64_t posts_per_group = 10;  // the newest posts to take, the pinned one counted once
  std::optional<domain::Timestamp> since;
  std::optional<domain::Timestamp> until;
};

struct WallStep {
  std::vector<vk::Post> taken;  // in page order
  WallCheckpoint next;
  bool done = false;
  // The wall shrank since the previous page: the page may hide unseen posts, so nothing was taken and
  // `next` steps back to re-read them.
  bool stale = false;
};

// nullopt when the page is not the one the checkpoint waits for (an earlier page of the same batch
// failed or moved the offset): it is dropped. Posts that new posts pushed onto this page again
// (offset drift) are skipped; a pinned post never stops the `since` loop.
std::optional<WallStep> apply_wall_page(const WallCheckpoint& at, std::int64_t requested_offset,
                                        const vk::WallPage& page, const PostWindow& window);

// How many wall.get pages (of 100) the wall may still need, at least 1, at most `cap`; 1 while the wall's
// size is unknown (before its first page).
int wall_pages_wanted(const WallCheckpoint& at, const PostWindow& window, int cap);

}  // namespace vka::collect
