#include <gtest/gtest.h>

#include "store/error.hpp"
#include "store_fixture.hpp"

namespace vka::store::testing {
namespace {

class EventRepositoryTest : public StoreTest {};

TEST_P(EventRepositoryTest, SeqIncreasesPerTaskFromOne) {
  create(make_task("t1", "alice", 100));
  create(make_task("t2", "alice", 100));
  EXPECT_EQ(store_->events().append("t1", {"post.collected", R"({"post":"-1_1"})"}, at(101))->seq, 2);
  EXPECT_EQ(store_->events().append("t1", {"post.collected", R"({"post":"-1_2"})"}, at(102))->seq, 3);
  EXPECT_EQ(store_->events().append("t2", {"post.collected", "{}"}, at(103))->seq, 2);

  const auto events = store_->events().list("t1", 0, 100);
  ASSERT_EQ(events.size(), 3u);
  for (std::size_t i = 0; i < events.size(); ++i) EXPECT_EQ(events[i].seq, static_cast<std::int64_t>(i) + 1);
  EXPECT_EQ(events[0].type, "task.created");
  EXPECT_EQ(events[2].payload_json, R"({"post":"-1_2"})");
  EXPECT_EQ(events[2].at, at(102));
  EXPECT_EQ(events[2].task_id, "t1");
}

TEST_P(EventRepositoryTest, ListResumesAfterAGivenSeq) {
  create(make_task("t1", "alice", 100));
  for (int i = 0; i < 9; ++i) store_->events().append("t1", {"tick", "{}"}, at(100 + i));
  const auto page = store_->events().list("t1", 4, 3);
  ASSERT_EQ(page.size(), 3u);
  EXPECT_EQ(page.front().seq, 5);
  EXPECT_EQ(page.back().seq, 7);
  EXPECT_TRUE(store_->events().list("t1", 10, 100).empty());
  EXPECT_TRUE(store_->events().list("nope", 0, 100).empty());
}

TEST_P(EventRepositoryTest, AppendToMissingTaskWritesNothing) {
  EXPECT_FALSE(store_->events().append("nope", {"tick", "{}"}, at(1)));
  EXPECT_EQ(count("SELECT COUNT(*) FROM task_events"), 0);
}

TEST_P(EventRepositoryTest, FailedMutationLeavesNoEventAndNoSeqGap) {
  create(make_task("t1", "alice", 100));
  domain::TaskProgress bad;
  bad.groups_done = -5;
  EXPECT_THROW(store_->tasks().add_progress("t1", bad, at(110), {"progress", "{}"}), StoreError);
  EXPECT_THROW(store_->events().append("t1", {"tick", "not json"}, at(111)), StoreError);
  EXPECT_EQ(store_->events().append("t1", {"tick", "{}"}, at(112))->seq, 2);
  EXPECT_EQ(store_->events().list("t1", 0, 10).size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Engines, EventRepositoryTest, engines(), engine_name);

}  // namespace
}  // namespace vka::store::testing
