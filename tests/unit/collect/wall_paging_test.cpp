#include "collect/wall_paging.hpp"

#include <gtest/gtest.h>

namespace vka::collect {
namespace {

vk::Post post(std::int64_t id, std::int64_t date, bool pinned = false) {
  vk::Post p;
  p.owner_id = -1;
  p.id = id;
  p.date = domain::from_unix(date);
  p.is_pinned = pinned;
  return p;
}

// A wall page of `size` posts numbered down from `first_id`, dated one second apart, newest first.
vk::WallPage page(std::int64_t count, std::int64_t first_id, int size) {
  vk::WallPage p;
  p.count = count;
  for (int i = 0; i < size; ++i) p.items.push_back(post(first_id - i, 10'000 + first_id - i));
  return p;
}

std::vector<std::int64_t> ids(const std::vector<vk::Post>& posts) {
  std::vector<std::int64_t> out;
  for (const auto& p : posts) out.push_back(p.id);
  return out;
}

TEST(WallPaging, TakesTheNewestPostsUpToTheLimit) {
  const auto step = apply_wall_page({}, 0, page(500, 500, 100), {10});
  ASSERT_TRUE(step);
  EXPECT_EQ(step->taken.size(), 10u);
  EXPECT_EQ(step->taken.front().id, 500);
  EXPECT_TRUE(step->done);
  EXPECT_EQ(step->next.posts_seen, 10);
}

TEST(WallPaging, ContinuesOnTheNextPageUntilTheLimit) {
  const PostWindow window{150};
  const auto first = apply_wall_page({}, 0, page(500, 500, 100), window);
  ASSERT_TRUE(first);
  EXPECT_FALSE(first->done);
  EXPECT_EQ(first->next.offset, 100);
  EXPECT_EQ(first->next.count, 500);
  const auto second = apply_wall_page(first->next, 100, page(500, 400, 100), window);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->taken.size(), 50u);
  EXPECT_EQ(second->taken.back().id, 351);
  EXPECT_TRUE(second->done);
}

TEST(WallPaging, PinnedPostCountsOnceAndDoesNotStopTheSinceLoop) {
  vk::WallPage p = page(50, 60, 49);
  p.items.insert(p.items.begin(), post(7, 100, true));  // an old pinned post first
  PostWindow window{100, domain::from_unix(10'000 + 40), std::nullopt};
  auto step = apply_wall_page({}, 0, p, window);
  ASSERT_TRUE(step);
  // Posts 60..40 are within since; 39 stops the loop; the old pinned post is outside the window.
  EXPECT_EQ(step->taken.size(), 21u);
  EXPECT_EQ(step->taken.front().id, 60);
  EXPECT_TRUE(step->done);

  window.since.reset();
  window.posts_per_group = 3;
  step = apply_wall_page({}, 0, p, window);
  EXPECT_EQ(ids(step->taken), (std::vector<std::int64_t>{7, 60, 59}));
}

TEST(WallPaging, UntilSkipsNewerPostsWithoutCountingThem) {
  PostWindow window{5, std::nullopt, domain::from_unix(10'000 + 95)};
  const auto step = apply_wall_page({}, 0, page(100, 100, 100), window);
  EXPECT_EQ(ids(step->taken), (std::vector<std::int64_t>{95, 94, 93, 92, 91}));
}

TEST(WallPaging, ShortPageEndsTheWall) {
  const auto step = apply_wall_page({}, 0, page(30, 30, 30), {100});
  EXPECT_EQ(step->taken.size(), 30u);
  EXPECT_TRUE(step->done);
}

TEST(WallPaging, NewPostsOnTopAreNotTakenTwice) {
  const PostWindow window{1000};
  const auto first = apply_wall_page({}, 0, page(500, 500, 100), window);
  // Three new posts arrived: the wall grew to 503 and the next page starts with 3 posts already seen.
  const auto second = apply_wall_page(first->next, 100, page(503, 403, 100), window);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->taken.front().id, 400);
  EXPECT_EQ(second->taken.size(), 97u);
  EXPECT_EQ(second->next.offset, 200);
  EXPECT_EQ(second->next.posts_seen, 197);
}

TEST(WallPaging, ShrunkWallStepsBack) {
  const auto first = apply_wall_page({}, 0, page(500, 500, 100), {1000});
  const auto second = apply_wall_page(first->next, 100, page(498, 398, 100), {1000});
  ASSERT_TRUE(second);
  EXPECT_TRUE(second->stale);
  EXPECT_TRUE(second->taken.empty());
  EXPECT_EQ(second->next.offset, 98);
  EXPECT_EQ(second->next.count, 498);
}

TEST(WallPaging, PageForAnotherOffsetIsDropped) { EXPECT_FALSE(apply_wall_page({}, 100, page(500, 400, 100), {1000})); }

TEST(WallPaging, PagesWanted) {
  // The wall's size is unknown before its first page: one page, whatever posts_per_group asks for.
  EXPECT_EQ(wall_pages_wanted({}, {10}, 25), 1);
  EXPECT_EQ(wall_pages_wanted({}, {100000}, 25), 1);
  // Then as many as the window and the wall's size need.
  EXPECT_EQ(wall_pages_wanted({0, 0, 5000, {}}, {100}, 25), 2);  // the pinned post may take a slot
  EXPECT_EQ(wall_pages_wanted({0, 0, 5000, {}}, {1000}, 25), 11);
  EXPECT_EQ(wall_pages_wanted({0, 0, 5000, {}}, {100000}, 25), 25);
  EXPECT_EQ(wall_pages_wanted({0, 0, 5000, {}}, {100000}, 4), 4);
  EXPECT_EQ(wall_pages_wanted({100, 100, 150, {}}, {100000}, 25), 1);
  EXPECT_EQ(wall_pages_wanted({200, 200, 350, {}}, {100000}, 25), 2);
  EXPECT_EQ(wall_pages_wanted({0, 0, 40, {}}, {1000}, 25), 1);
}

}  // namespace
}  // namespace vka::collect
