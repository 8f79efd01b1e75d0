#pragma once
// Resume points stored with every page write (CollectionRepository checkpoint_json), as strict JSON:
// decoding rejects anything this code did not write, so a corrupt checkpoint is an error, not a guess.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.hpp"

namespace vka::collect {

// A community's wall: where the next wall.get page starts and how many posts were taken so far.
struct WallCheckpoint {
  std::int64_t offset = 0;            // next offset into the wall (newest first)
  std::int64_t posts_seen = 0;        // posts taken, the pinned one included
  std::optional<std::int64_t> count;  // the wall's count when `offset` was computed (drift detection)
  std::vector<std::string> names;     // the task's screen names that resolved to this community
  bool operator==(const WallCheckpoint&) const = default;
};

// A reply branch still to be paged: wall.getComments comment_id=<comment_id> from `offset`.
struct ThreadCursor {
  std::int64_t comment_id = 0;
  std::int64_t offset = 0;
  std::int64_t count = 0;  // thread.count as VK last reported it
  bool operator==(const ThreadCursor&) const = default;
};

// A post's comments: the next top-level offset (sort=asc keeps offsets stable) and pending branches.
struct CommentsCheckpoint {
  std::int64_t offset = 0;
  bool top_done = false;
  std::optional<std::int64_t> top_count;  // current_level_count of the last top-level page
  std::vector<ThreadCursor> threads;
  bool done() const { return top_done && threads.empty(); }
  bool operator==(const CommentsCheckpoint&) const = default;
};

std::string encode(const WallCheckpoint& checkpoint);
std::string encode(const CommentsCheckpoint& checkpoint);
domain::Result<WallCheckpoint> decode_wall_checkpoint(std::string_view json);
domain::Result<CommentsCheckpoint> decode_comments_checkpoint(std::string_view json);

}  // namespace vka::collect
