#include <gtest/gtest.h>

#include "store_fixture.hpp"

namespace vka::store::testing {
namespace {

// t1 and t2 share community 2 and post -2_20. t1 alone has community 1 with post -1_10; t2 collected the single
// post -3_30 of community 3, which only t1 linked.
class TaskRemoveTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped()) return;
    create(make_task("t1", "alice", 100));
    create(make_task("t2", "bob", 200));
    store_->tasks().add_error("t1", {"group:-9", "vk_access_denied", 15, "denied", at(110)}, {"group.skipped", "{}"});
    const auto c = raw();
    for (int id : {1, 2, 3})
      c->execute("INSERT INTO communities (id, screen_name, name, updated_at) VALUES (?1, ?2, ?2, 1)", id,
                 "club" + std::to_string(id));
    c->execute(
        "INSERT INTO task_communities (task_id, community_id) VALUES ('t1', 1), ('t1', 2), ('t1', 3), "
        "('t2', 2)");
    for (const auto& [owner, id, from] : {std::tuple{-1, 10, -1}, {-2, 20, -2}, {-3, 30, -3}})
      c->execute("INSERT INTO posts (owner_id, id, date, from_id) VALUES (?1, ?2, 1, ?3)", owner, id, from);
    c->execute(
        "INSERT INTO task_posts (task_id, owner_id, post_id) VALUES ('t1', -1, 10), ('t1', -2, 20), "
        "('t2', -2, 20), ('t2', -3, 30)");
    for (const auto& [id, name] :
         {std::pair{-1, "club1"}, {-2, "club2"}, {-3, "club3"}, {500, "Ann"}, {501, "Ben"}, {502, "Cid"}})
      c->execute("INSERT INTO authors (id, name, updated_at) VALUES (?1, ?2, 1)", id, name);
    const std::tuple<int, int, int, int, const char*> comments[] = {{-1, 10, 100, 500, "котик пушист"},
                                                                    {-1, 10, 101, 501, "собак"},
                                                                    {-2, 20, 200, 501, "котик"},
                                                                    {-3, 30, 300, 502, "кошк"}};
    for (const auto& [owner, post, id, from, stems] : comments)
      c->execute("INSERT INTO comments (owner_id, post_id, id, from_id, date, stems) VALUES (?1, ?2, ?3, ?4, 1, ?5)",
                 owner, post, id, from, stems);
  }
};

TEST_P(TaskRemoveTest, RemovesOnlyWhatTheTaskAloneOwns) {
  EXPECT_EQ(full_text_matches("котик"), 2);
  ASSERT_TRUE(store_->tasks().remove("t1"));

  EXPECT_FALSE(store_->tasks().get("t1"));
  EXPECT_TRUE(store_->tasks().get("t2"));
  for (const char* table : {"task_events", "task_errors", "jobs", "task_posts", "task_communities"})
    EXPECT_EQ(count(std::string("SELECT COUNT(*) FROM ") + table + " WHERE task_id = 't1'"), 0) << table;
  EXPECT_EQ(count("SELECT COUNT(*) FROM task_events WHERE task_id = 't2'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM jobs WHERE task_id = 't2'"), 1);

  EXPECT_EQ(joined("SELECT id FROM posts ORDER BY id"), "20,30");
  EXPECT_EQ(count("SELECT COUNT(*) FROM comments WHERE id IN (100, 101)"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM comments WHERE id IN (200, 300)"), 2);
  EXPECT_EQ(joined("SELECT id FROM communities ORDER BY id"), "2,3");
  EXPECT_EQ(count("SELECT COUNT(*) FROM authors WHERE id IN (500, -1)"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM authors WHERE id IN (501, 502, -2, -3)"), 4);
  EXPECT_EQ(count("SELECT COUNT(*) FROM task_posts WHERE task_id = 't2'"), 2);

  EXPECT_EQ(full_text_matches("котик"), 1);
  EXPECT_EQ(full_text_matches("пушист"), 0);
  expect_full_text_index_consistent();

  EXPECT_FALSE(store_->tasks().remove("t1"));
}

TEST_P(TaskRemoveTest, RemovingEveryTaskLeavesNoCollectedData) {
  ASSERT_TRUE(store_->tasks().remove("t2"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM posts WHERE owner_id = -3"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM posts WHERE owner_id = -2"), 1) << "t1 still has the shared post";
  ASSERT_TRUE(store_->tasks().remove("t1"));
  for (const char* table : {"tasks", "task_events", "task_errors", "jobs", "task_posts", "task_communities", "posts",
                            "comments", "communities", "authors"})
    EXPECT_EQ(count(std::string("SELECT COUNT(*) FROM ") + table), 0) << table;
  EXPECT_EQ(full_text_matches("котик"), 0);
  expect_full_text_index_consistent();
}

INSTANTIATE_TEST_SUITE_P(Engines, TaskRemoveTest, engines(), engine_name);

}  // namespace
}  // namespace vka::store::testing
