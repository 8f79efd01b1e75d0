#include "collect/planner.hpp"

#include <gtest/gtest.h>

#include <map>

namespace vka::collect {
namespace {

std::string param(const vk::Request& request, const std::string& key) {
  for (const auto& [k, v] : request.params)
    if (k == key) return v;
  return "";
}

std::map<std::string, int> methods(const std::vector<PlannedCall>& calls) {
  std::map<std::string, int> out;
  for (const auto& call : calls) ++out[call.request.method];
  return out;
}

TEST(Planner, LookupsFirstThenPacksTo25) {
  PendingWork work;
  work.names = {"apiclub"};
  work.lookups = {1, 2, 3};
  work.named_posts = {{-1, 5}};
  for (int i = 0; i < 40; ++i) work.comments.push_back({-1, 100 + i, 5, {}});
  const auto calls = plan_batch(work, {});
  ASSERT_EQ(calls.size(), 25u);
  EXPECT_EQ(calls[0].request.method, "utils.resolveScreenName");
  EXPECT_EQ(calls[1].request.method, "groups.getById");
  EXPECT_EQ(param(calls[1].request, "group_ids"), "1,2,3");
  EXPECT_EQ(calls[2].request.method, "wall.getById");
  EXPECT_EQ(methods(calls)["wall.getComments"], 22);
  const auto& first = std::get<TopCommentsCall>(calls[3].tag);
  EXPECT_EQ(first.post_id, 100);
  EXPECT_EQ(param(calls[3].request, "sort"), "asc");
  EXPECT_EQ(param(calls[3].request, "thread_items_count"), "10");
  EXPECT_EQ(param(calls[3].request, "count"), "100");
}

TEST(Planner, LookupsAreChunkedBy500) {
  PendingWork work;
  for (int i = 1; i <= 1200; ++i) work.lookups.push_back(i);
  work.single_lookups = {5000};
  const auto calls = plan_batch(work, {});
  ASSERT_EQ(calls.size(), 4u);
  EXPECT_EQ(std::get<LookupCall>(calls[0].tag).ids.size(), 500u);
  EXPECT_EQ(std::get<LookupCall>(calls[2].tag).ids.size(), 200u);
  EXPECT_EQ(std::get<LookupCall>(calls[3].tag).ids, std::vector<std::int64_t>{5000});
}

TEST(Planner, WallsGetConsecutivePagesForTheLimit) {
  PendingWork work;
  work.walls = {{1, {0, 0, 5000, {}}}, {2, {300, 290, 5000, {}}}, {3, {}}};
  PlanOptions options;
  options.window.posts_per_group = 450;
  const auto calls = plan_batch(work, options);
  // wall 1: 5 pages (450 + pinned); wall 2: 160 left → 2 pages; wall 3, size unknown yet: its first page.
  ASSERT_EQ(calls.size(), 8u);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(std::get<WallCall>(calls[i].tag).offset, i * 100);
    EXPECT_EQ(param(calls[i].request, "owner_id"), "-1");
  }
  EXPECT_EQ(std::get<WallCall>(calls[5].tag).offset, 300);
  EXPECT_EQ(std::get<WallCall>(calls[6].tag).offset, 400);
  EXPECT_EQ(std::get<WallCall>(calls[7].tag).offset, 0);
  EXPECT_EQ(param(calls[7].request, "owner_id"), "-3");
}

TEST(Planner, ThreadsArePagedByBranchAndMixedAcrossPosts) {
  PendingWork work;
  CommentsLane lane{-1, 10, {}};
  lane.checkpoint.offset = 100;
  lane.checkpoint.top_count = 150;
  lane.checkpoint.threads = {{7, 0, 250}, {9, 100, 120}};
  work.comments = {lane, {-2, 20, 3, {}}};
  const auto calls = plan_batch(work, {});
  ASSERT_EQ(calls.size(), 6u);
  EXPECT_TRUE(std::holds_alternative<TopCommentsCall>(calls[0].tag));
  const auto& branch = std::get<BranchCall>(calls[1].tag);
  EXPECT_EQ(branch.comment_id, 7);
  EXPECT_EQ(param(calls[1].request, "comment_id"), "7");
  EXPECT_EQ(param(calls[1].request, "thread_items_count"), "");
  EXPECT_EQ(std::get<BranchCall>(calls[3].tag).offset, 200);
  EXPECT_EQ(std::get<BranchCall>(calls[4].tag).comment_id, 9);
  EXPECT_EQ(std::get<BranchCall>(calls[4].tag).offset, 100);
  EXPECT_EQ(std::get<TopCommentsCall>(calls[5].tag).post_id, 20);
}

TEST(Planner, NoThreadsMeansNoInlineReplies) {
  PendingWork work;
  work.comments = {{-1, 10, 5, {}}};
  PlanOptions options;
  options.follow_threads = false;
  const auto calls = plan_batch(work, options);
  EXPECT_EQ(param(calls[0].request, "thread_items_count"), "0");
}

TEST(Planner, NothingPendingPlansNothing) { EXPECT_TRUE(plan_batch({}, {}).empty()); }

}  // namespace
}  // namespace vka::collect
