#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>

#include "store_fixture.hpp"

namespace vka::store::testing {
namespace {

class WriteTogetherTest : public StoreTest {};

TEST_P(WriteTogetherTest, WritesOfSeveralRepositoriesCommitTogether) {
  store_->write_together([&] {
    create(make_task("t1", "alice", 100));
    create(make_task("t2", "alice", 101));
    store_->events().append("t1", {"note", "{}"}, at(102));
  });
  EXPECT_TRUE(store_->tasks().get("t1"));
  EXPECT_TRUE(store_->tasks().get("t2"));
  EXPECT_EQ(store_->events().list("t1", 0, 10).size(), 2u);
}

TEST_P(WriteTogetherTest, AThrowLeavesNothingOfAnyWrite) {
  EXPECT_THROW(store_->write_together([&] {
    create(make_task("t1", "alice", 100));
    create(make_task("t2", "alice", 101));
    throw std::runtime_error("the batch failed");
  }),
               std::runtime_error);
  EXPECT_FALSE(store_->tasks().get("t1"));
  EXPECT_FALSE(store_->tasks().get("t2"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM jobs"), 0);
}

TEST_P(WriteTogetherTest, OtherThreadsSeeNothingUntilTheCommit) {
  store_->write_together([&] {
    create(make_task("t1", "alice", 100));
    bool seen = true;
    std::thread reader([&] { seen = store_->tasks().get("t1").has_value(); });
    reader.join();
    EXPECT_FALSE(seen);
  });
  EXPECT_TRUE(store_->tasks().get("t1"));
}

INSTANTIATE_TEST_SUITE_P(Engines, WriteTogetherTest, engines(), engine_name);

}  // namespace
}  // namespace vka::store::testing
