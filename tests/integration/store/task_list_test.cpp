#include <gtest/gtest.h>

#include <set>

#include "store_fixture.hpp"

namespace vka::store::testing {
namespace {

using domain::TaskStatus;

class TaskListTest : public StoreTest {
 protected:
  std::vector<std::string> walk(TaskListQuery query) {
    std::vector<std::string> ids;
    for (int pages = 0; pages < 1000; ++pages) {
      const TaskPage page = store_->tasks().list(query);
      EXPECT_LE(static_cast<int>(page.items.size()), query.limit);
      for (const auto& task : page.items) ids.push_back(task.id);
      if (!page.next) return ids;
      query.after = page.next;
    }
    ADD_FAILURE() << "pagination did not end";
    return ids;
  }
};

TEST_P(TaskListTest, NewestFirstWithIdTieBreak) {
  create(make_task("a", "alice", 100));
  create(make_task("c", "alice", 100));
  create(make_task("b", "alice", 100));
  create(make_task("z", "alice", 50));
  create(make_task("y", "alice", 200));
  EXPECT_EQ(walk({.limit = 2}), (std::vector<std::string>{"y", "c", "b", "a", "z"}));
  const TaskPage page = store_->tasks().list({.limit = 10});
  EXPECT_FALSE(page.next);
  EXPECT_EQ(page.items.size(), 5u);
}

TEST_P(TaskListTest, ExactlyFullLastPageHasNoNextCursor) {
  for (int i = 0; i < 4; ++i) create(make_task("t" + std::to_string(i), "alice", 100 + i));
  const TaskPage first = store_->tasks().list({.limit = 2});
  ASSERT_TRUE(first.next);
  const TaskPage second = store_->tasks().list({.after = first.next, .limit = 2});
  EXPECT_EQ(second.items.size(), 2u);
  EXPECT_FALSE(second.next);
}

TEST_P(TaskListTest, WalkSeesEveryRowOnceWhileRowsArrive) {
  std::set<std::string> before;
  for (int i = 0; i < 57; ++i) {
    const std::string id = "old" + std::to_string(i);
    // Several tasks per second, as under load: ties on created_at must not lose or repeat rows.
    create(make_task(id, i % 2 ? "alice" : "bob", 1000 + i / 4));
    before.insert(id);
  }
  TaskListQuery query{.limit = 5};
  std::vector<std::string> seen;
  int inserted = 0;
  while (true) {
    const TaskPage page = store_->tasks().list(query);
    for (const auto& task : page.items) seen.push_back(task.id);
    // New rows arrive between pages: newer ones, and ones in the same second as rows already served.
    ++inserted;
    create(make_task("new" + std::to_string(inserted), "alice", 2000 + inserted));
    create(make_task("same" + std::to_string(inserted), "alice", 1000 + 14));
    if (!page.next) break;
    query.after = page.next;
  }
  std::multiset<std::string> seen_old;
  for (const auto& id : seen)
    if (before.contains(id)) seen_old.insert(id);
  EXPECT_EQ(seen_old.size(), before.size());
  EXPECT_EQ(std::set<std::string>(seen_old.begin(), seen_old.end()), before);
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), seen.size()) << "a row was served twice";
}

TEST_P(TaskListTest, FiltersByStatusAndOwner) {
  for (int i = 0; i < 12; ++i) create(make_task("t" + std::to_string(i), i % 3 == 0 ? "bob" : "alice", 100 + i));
  for (const char* id : {"t1", "t4", "t6", "t9"})
    store_->tasks().transition(
        id, {TaskStatus::queued, TaskStatus::running, at(500), at(500), std::nullopt, {"task.started", "{}"}});

  EXPECT_EQ(walk({.status = TaskStatus::running, .limit = 1}), (std::vector<std::string>{"t9", "t6", "t4", "t1"}));
  EXPECT_EQ(walk({.owner = std::string("bob"), .limit = 3}), (std::vector<std::string>{"t9", "t6", "t3", "t0"}));
  EXPECT_EQ(walk({.status = TaskStatus::running, .owner = std::string("alice"), .limit = 2}),
            (std::vector<std::string>{"t4", "t1"}));
  EXPECT_TRUE(walk({.status = TaskStatus::canceled, .limit = 5}).empty());
  EXPECT_EQ(walk({.limit = 1000}).size(), 12u);
}

TEST_P(TaskListTest, ListedTasksCarryTheirErrors) {
  create(make_task("t1", "alice", 100));
  store_->tasks().add_error("t1", {"task", "vk_token_invalid", 5, "User authorization failed", at(110)},
                            {"task.failed", "{}"});
  const TaskPage page = store_->tasks().list({.limit = 10});
  ASSERT_EQ(page.items.size(), 1u);
  ASSERT_EQ(page.items[0].errors.size(), 1u);
  EXPECT_EQ(page.items[0].errors[0].code, "vk_token_invalid");
}

TEST_P(TaskListTest, LimitIsClamped) {
  for (int i = 0; i < 3; ++i) create(make_task("t" + std::to_string(i), "alice", 100 + i));
  EXPECT_EQ(store_->tasks().list({.limit = 0}).items.size(), 1u);
  EXPECT_EQ(store_->tasks().list({.limit = 5000}).items.size(), 3u);
}

INSTANTIATE_TEST_SUITE_P(Engines, TaskListTest, engines(), engine_name);

}  // namespace
}  // namespace vka::store::testing
