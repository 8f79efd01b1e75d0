#include "collect/planner.hpp"

#include <algorithm>
#include <string>

#include "collect/comment_paging.hpp"

namespace vka::collect {

namespace {

class BatchBuilder {
 public:
  explicit BatchBuilder(std::size_t max_calls) : max_calls_(max_calls) {}
  bool full() const { return calls_.size() >= max_calls_; }
  int room() const { return static_cast<int>(max_calls_ - calls_.size()); }
  void add(vk::Request request, CallTag tag) { calls_.push_back({std::move(request), std::move(tag)}); }
  std::vector<PlannedCall> take() { return std::move(calls_); }

 private:
  std::size_t max_calls_;
  std::vector<PlannedCall> calls_;
};

template <class T, class Emit>
void chunked(const std::vector<T>& items, std::size_t chunk, BatchBuilder& batch, Emit&& emit) {
  for (std::size_t i = 0; i < items.size() && !batch.full(); i += chunk) {
    const auto end = std::min(items.size(), i + chunk);
    emit(std::vector<T>(items.begin() + static_cast<std::ptrdiff_t>(i),
                        items.begin() + static_cast<std::ptrdiff_t>(end)));
  }
}

void plan_lookups(const std::vector<std::int64_t>& ids, std::size_t chunk, BatchBuilder& batch) {
  chunked(ids, chunk, batch, [&](std::vector<std::int64_t> part) {
    std::vector<std::string> texts;
    for (std::int64_t id : part) texts.push_back(std::to_string(id));
    batch.add(vk::groups_get_by_id(texts), LookupCall{std::move(part)});
  });
}

void plan_posts_by_id(const std::vector<domain::PostRef>& refs, std::size_t chunk, BatchBuilder& batch) {
  chunked(refs, chunk, batch, [&](std::vector<domain::PostRef> part) {
    std::vector<std::pair<std::int64_t, std::int64_t>> ids;
    for (const domain::PostRef& ref : part) ids.emplace_back(ref.owner_id, ref.post_id);
    batch.add(vk::wall_get_by_id(ids), PostsByIdCall{std::move(part)});
  });
}

void plan_comments(const CommentsLane& lane, bool follow_threads, BatchBuilder& batch) {
  const int thread_items = follow_threads ? vk::kMaxThreadItemsCount : 0;
  if (!lane.checkpoint.top_done) {
    const int pages = std::min(top_pages_wanted(lane.checkpoint, batch.room()), batch.room());
    for (int p = 0; p < pages; ++p) {
      const std::int64_t offset = lane.checkpoint.offset + std::int64_t{p} * vk::kMaxPageCount;
      batch.add(vk::wall_get_comments(
                    {lane.owner_id, lane.post_id, std::nullopt, std::nullopt, offset, vk::kMaxPageCount, thread_items}),
                TopCommentsCall{lane.owner_id, lane.post_id, offset});
    }
  }
  for (const ThreadCursor& thread : lane.checkpoint.threads) {
    if (batch.full()) return;
    const int pages = std::min(branch_pages_wanted(thread, batch.room()), batch.room());
    for (int p = 0; p < pages; ++p) {
      const std::int64_t offset = thread.offset + std::int64_t{p} * vk::kMaxPageCount;
      batch.add(vk::wall_get_comments(
                    {lane.owner_id, lane.post_id, thread.comment_id, std::nullopt, offset, vk::kMaxPageCount, 0}),
                BranchCall{lane.owner_id, lane.post_id, thread.comment_id, offset});
    }
  }
}

}  // namespace

std::vector<PlannedCall> plan_batch(const PendingWork& work, const PlanOptions& options) {
  BatchBuilder batch(std::max<std::size_t>(options.max_calls, 1));
  for (const std::string& name : work.names) {
    if (batch.full()) break;
    batch.add(vk::resolve_screen_name(name), ResolveCall{name});
  }
  plan_lookups(work.lookups, vk::kMaxGroupIds, batch);
  plan_lookups(work.single_lookups, 1, batch);
  plan_posts_by_id(work.named_posts, vk::kMaxPostsById, batch);
  plan_posts_by_id(work.single_posts, 1, batch);
  for (const WallLane& wall : work.walls) {
    if (batch.full()) break;
    const int pages = std::min(wall_pages_wanted(wall.checkpoint, options.window, batch.room()), batch.room());
    for (int p = 0; p < pages; ++p) {
      const std::int64_t offset = wall.checkpoint.offset + std::int64_t{p} * vk::kMaxPageCount;
      batch.add(vk::wall_get(-wall.community_id, offset), WallCall{wall.community_id, offset});
    }
  }
  for (const CommentsLane& lane : work.comments) {
    if (batch.full()) break;
    plan_comments(lane, options.follow_threads, batch);
  }
  return batch.take();
}

}  // namespace vka::collect
