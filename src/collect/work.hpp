#pragma once
// What a collection task still has to do, as the collector holds it between VK batches, and the tags
// that tie each planned VK call back to the work it serves.
#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "collect/checkpoint.hpp"
#include "domain/task.hpp"
#include "vk/request.hpp"

namespace vka::collect {

struct WallLane {
  std::int64_t community_id = 0;
  WallCheckpoint checkpoint;
};

struct CommentsLane {
  std::int64_t owner_id = 0;
  std::int64_t post_id = 0;
  CommentsCheckpoint checkpoint;
};

struct PendingWork {
  std::vector<std::string> names;                             // screen names to resolve
  std::vector<std::int64_t> lookups;                          // community ids for groups.getById, many per call
  std::vector<std::int64_t> single_lookups;                   // ids VK refused to look up together: one per call
  std::map<std::int64_t, std::vector<std::string>> names_of;  // the screen names each looked-up id came from
  std::vector<domain::PostRef> named_posts;                   // posts the task names, for wall.getById, many per call
  std::vector<domain::PostRef> single_posts;                  // ... one per call
  std::vector<WallLane> walls;                                // communities whose wall is still being paged
  std::vector<CommentsLane> comments;                         // posts whose comments are still being paged
  bool empty() const {
    return names.empty() && lookups.empty() && single_lookups.empty() && named_posts.empty() && single_posts.empty() &&
           walls.empty() && comments.empty();
  }
};

struct ResolveCall {
  std::string name;
};
struct LookupCall {
  std::vector<std::int64_t> ids;
};
struct PostsByIdCall {
  std::vector<domain::PostRef> posts;
};
struct WallCall {
  std::int64_t community_id = 0;
  std::int64_t offset = 0;
};
struct TopCommentsCall {
  std::int64_t owner_id = 0;
  std::int64_t post_id = 0;
  std::int64_t offset = 0;
};
struct BranchCall {
  std::int64_t owner_id = 0;
  std::int64_t post_id = 0;
  std::int64_t comment_id = 0;
  std::int64_t offset = 0;
};

using CallTag = std::variant<ResolveCall, LookupCall, PostsByIdCall, WallCall, TopCommentsCall, BranchCall>;

struct PlannedCall {
  vk::Request request;
  CallTag tag;
};

}  // namespace vka::collect
