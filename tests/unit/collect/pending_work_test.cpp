#include "collect/pending_work.hpp"

#include <gtest/gtest.h>

namespace vka::collect {
namespace {

domain::Task task() {
  domain::Task t;
  t.id = "t";
  t.params.groups = {{std::int64_t{1}},        {std::int64_t{2}},      {std::int64_t{3}},
                     {std::string("apiclub")}, {std::string("ghost")}, {std::string("newname")}};
  t.params.posts = {{-1, 10}, {-1, 11}, {-9, 12}};
  t.errors = {{"group:-3", "vk_not_found", std::nullopt, "", {}},
              {"group:ghost", "vk_not_found", std::nullopt, "", {}},
              {"post:-9_12", "vk_not_found", std::nullopt, "", {}}};
  return t;
}

TEST(PendingWork, FreshTaskResolvesEverything) {
  domain::Task t = task();
  t.errors.clear();
  const auto rebuilt = rebuild_work(t, {}, {});
  EXPECT_EQ(rebuilt.work.lookups, (std::vector<std::int64_t>{1, 2, 3}));
  EXPECT_EQ(rebuilt.work.names, (std::vector<std::string>{"apiclub", "ghost", "newname"}));
  EXPECT_EQ(rebuilt.work.named_posts.size(), 3u);
  EXPECT_TRUE(rebuilt.work.walls.empty());
}

TEST(PendingWork, ResumesFromCheckpointsAndSkipsWhatIsSettled) {
  const std::vector<store::CommunityState> communities{
      {1, store::LinkStatus::running, R"({"offset":200,"posts_seen":150,"count":900,"names":["apiclub"]})"},
      {2, store::LinkStatus::pending, std::nullopt},  // linked, but its checkpoint was never written
      {4, store::LinkStatus::done, R"({"offset":0,"posts_seen":10})"}};
  const std::vector<store::PostState> posts{
      {-1, 10, store::LinkStatus::running, R"({"offset":100,"threads":[{"comment_id":7,"offset":100,"count":130}]})",
       500, 240},
      {-1, 11, store::LinkStatus::done, std::nullopt, 3, 3},
      {-1, 13, store::LinkStatus::pending, "not json", 4, 0}};
  const auto rebuilt = rebuild_work(task(), communities, posts);
  const PendingWork& work = rebuilt.work;
  EXPECT_EQ(work.lookups, std::vector<std::int64_t>{2});
  EXPECT_EQ(work.names, std::vector<std::string>{"newname"});
  ASSERT_EQ(work.walls.size(), 1u);
  EXPECT_EQ(work.walls[0].community_id, 1);
  EXPECT_EQ(work.walls[0].checkpoint.offset, 200);
  EXPECT_TRUE(work.named_posts.empty());
  ASSERT_EQ(work.comments.size(), 2u);
  EXPECT_EQ(work.comments[0].checkpoint.offset, 100);
  EXPECT_EQ(work.comments[0].checkpoint.threads, (std::vector<ThreadCursor>{{7, 100, 130}}));
  EXPECT_EQ(work.comments[1].checkpoint, CommentsCheckpoint{});  // unreadable: restarts from the beginning
  ASSERT_EQ(rebuilt.restarted.size(), 1u);
  EXPECT_NE(rebuilt.restarted[0].find("post:-1_13"), std::string::npos);
}

// A refresh that started at 1000, its community's wall read again; posts 10, 11 and 14 are done, 14 in error.
struct Refreshing {
  domain::Task task;
  std::vector<store::CommunityState> communities;
  std::vector<store::PostState> posts;

  Refreshing() {
    task.id = "t";
    task.status = domain::TaskStatus::running;
    task.params.groups = {{std::int64_t{1}}};
    task.started_at = domain::from_unix(1000);
    task.finished_at = domain::from_unix(900);
    task.errors = {{"post:-1_14", "vk_not_found", std::nullopt, "", {}}};
    communities = {{1, store::LinkStatus::done, R"({"offset":3,"posts_seen":3,"count":3})"}};
    posts = {{-1, 10, store::LinkStatus::done, std::nullopt, 3, 3, domain::from_unix(1001)},  // on the wall again
             {-1, 11, store::LinkStatus::done, std::nullopt, 1, 1, domain::from_unix(800)},   // fell out of it
             {-1, 12, store::LinkStatus::running, std::nullopt, 5, 0, domain::from_unix(1001)},
             {-1, 14, store::LinkStatus::done, std::nullopt, 0, 0, domain::from_unix(800)}};
  }
};

TEST(PendingWork, ARefreshReReadsByIdTheDonePostsNoWallShowedOnceItsWallsAreRead) {
  const Refreshing r;
  const auto work = rebuild_work(r.task, r.communities, r.posts).work;
  EXPECT_EQ(work.named_posts, (std::vector<domain::PostRef>{{-1, 11}}));
  ASSERT_EQ(work.comments.size(), 1u);
  EXPECT_EQ(work.comments[0].post_id, 12);
}

TEST(PendingWork, ARefreshReadsItsWallsFirst) {
  Refreshing r;
  r.communities[0] = {1, store::LinkStatus::running, R"({"offset":0,"posts_seen":0})"};
  EXPECT_TRUE(rebuild_work(r.task, r.communities, r.posts).work.named_posts.empty());
}

TEST(PendingWork, AFirstCollectionReReadsNothing) {
  Refreshing r;
  r.task.finished_at.reset();
  EXPECT_TRUE(rebuild_work(r.task, r.communities, r.posts).work.named_posts.empty());
}

}  // namespace
}  // namespace vka::collect
