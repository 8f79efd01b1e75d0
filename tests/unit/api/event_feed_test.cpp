// The EventFeed on a real SQLite store, with a fallback poll far longer than the tests: what the streams
// read arrives because the store announced the commit, never because a timer fired.
#include "api/event_feed.hpp"

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>

#include <filesystem>
#include <thread>

#include "domain/task.hpp"
#include "http/tracing.hpp"

namespace vka::api {
namespace {

using namespace std::chrono_literals;

class EventFeedTest : public ::testing::Test {
 protected:
  EventFeedTest()
      : directory(std::filesystem::temp_directory_path() / ("vka-event-feed-test-" + http::random_hex(8))),
        store((std::filesystem::create_directories(directory),
               store::open_store("sqlite://" + (directory / "test.db").string()))) {
    store->migrate();
  }
  ~EventFeedTest() override {
    feed.reset();
    store.reset();
    std::error_code ignored;
    std::filesystem::remove_all(directory, ignored);
  }

  void create_task(const std::string& id) {
    domain::Task task;
    task.id = id;
    task.owner = "alice";
    task.created_at = domain::now();
    task.params.groups = {{std::int64_t{1}}};
    store->tasks().create(task, {"task.created", "{}"}, {"collect", "{}", 0, task.created_at});
  }

  // What the feed has for `source` after `after_seq`, once it has anything (or after 10 s, nothing).
  std::vector<store::StoredEvent> arrived(const std::string& source, std::int64_t after_seq) {
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    for (;;) {
      auto events = feed->read(source, after_seq, 100).events;
      if (!events.empty() || std::chrono::steady_clock::now() > deadline) return events;
      std::this_thread::sleep_for(10ms);
    }
  }

  std::filesystem::path directory;
  std::unique_ptr<store::Store> store;
  std::unique_ptr<EventFeed> feed = std::make_unique<EventFeed>(*store, EventStreamLimits{}, 24h);
};

TEST_F(EventFeedTest, ACommittedTaskEventReachesTheFollowersWithoutAPoll) {
  create_task("t1");
  const auto watch = feed->watch("t1", 0);
  ASSERT_EQ(arrived("t1", 0).size(), 1u) << "task.created, read when the task is first followed";
  store->events().append("t1", {"post.collected", R"({"post":"-1_1"})"}, domain::now());
  const auto events = arrived("t1", 1);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type, "post.collected");
  EXPECT_EQ(events[0].seq, 2);
}

TEST_F(EventFeedTest, AuditEntriesArriveAsAuditEventsNumberedBySeq) {
  const auto watch = feed->watch(std::string{audit_source}, 0);
  store->audit().record({"a1", domain::now(), "user", "u1", "task.deleted", "t9", "10.0.0.1", "request-1"});
  const auto events = arrived(std::string{audit_source}, 0);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type, "audit.task.deleted");
  EXPECT_EQ(events[0].seq, 1);
  const auto payload = boost::json::parse(events[0].payload_json).as_object();
  EXPECT_EQ(payload.at("id"), "a1");
  EXPECT_EQ(payload.at("target"), "t9");
  EXPECT_EQ(payload.at("seq"), 1);
}

TEST_F(EventFeedTest, AFinishedTaskIsFinishedOnceEveryEventWasRead) {
  create_task("t1");
  const auto watch = feed->watch("t1", 0);
  ASSERT_EQ(arrived("t1", 0).size(), 1u);
  const auto now = domain::now();
  ASSERT_EQ(store->tasks()
                .transition("t1", {.from = domain::TaskStatus::queued,
                                   .to = domain::TaskStatus::canceled,
                                   .at = now,
                                   .finished_at = now,
                                   .event = {"task.canceled", "{}"}})
                .outcome,
            store::TransitionResult::Outcome::applied);
  const auto events = arrived("t1", 1);
  ASSERT_FALSE(events.empty());
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (!feed->read("t1", events.back().seq, 100).finished && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(10ms);
  EXPECT_TRUE(feed->read("t1", events.back().seq, 100).finished);
  EXPECT_FALSE(feed->read("t1", 0, 100).finished) << "not for a reader still behind";
}

}  // namespace
}  // namespace vka::api
