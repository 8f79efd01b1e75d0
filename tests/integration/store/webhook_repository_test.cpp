#include <gtest/gtest.h>

#include "store_fixture.hpp"

namespace vka::store::testing {
namespace {

using std::chrono::seconds;

const StoredWebhook hook{"https://example.com/hook", {1, 2, 3, 0, 255}};

class WebhookRepositoryTest : public StoreTest {
 protected:
  // Moves the running task to `to` with the event, as the collector ends a task.
  void end_task(const std::string& id, domain::TaskStatus to, const std::string& event, std::int64_t when) {
    store_->tasks().transition(id, {domain::TaskStatus::queued,
                                    domain::TaskStatus::running,
                                    at(when - 1),
                                    std::nullopt,
                                    std::nullopt,
                                    {"task.started", "{}"},
                                    std::nullopt});
    const auto result = store_->tasks().transition(
        id, {domain::TaskStatus::running, to, at(when), std::nullopt, at(when), {event, "{}"}, std::nullopt});
    ASSERT_EQ(result.outcome, TransitionResult::Outcome::applied);
  }

  DeliveryAttempt attempt_of(const LeasedDelivery& leased, std::int64_t when) {
    return {.id = leased.delivery.id, .attempt = leased.delivery.attempts, .at = at(when)};
  }
};

TEST_P(WebhookRepositoryTest, TheWebhookIsReadWithItsTaskAndItsSecretOnlyByTheSender) {
  create(make_task("t1", "alice", 100));
  EXPECT_FALSE(store_->tasks().get("t1")->webhook);
  ASSERT_TRUE(store_->webhooks().set("t1", hook, at(101)));
  EXPECT_EQ(store_->tasks().get("t1")->webhook, domain::TaskWebhook{hook.url});
  EXPECT_EQ(store_->tasks().list({}).items.front().webhook, domain::TaskWebhook{hook.url});

  ASSERT_TRUE(store_->webhooks().set("t1", {"https://example.org/", {9}}, at(102)));
  EXPECT_EQ(store_->tasks().get("t1")->webhook, domain::TaskWebhook{"https://example.org/"});
  EXPECT_EQ(count("SELECT COUNT(*) FROM task_webhooks"), 1);

  EXPECT_TRUE(store_->webhooks().clear("t1"));
  EXPECT_FALSE(store_->webhooks().clear("t1"));
  EXPECT_FALSE(store_->tasks().get("t1")->webhook);
  EXPECT_FALSE(store_->webhooks().set("nope", hook, at(103)));
}

TEST_P(WebhookRepositoryTest, WebhookEventsOfATaskWithAWebhookQueueADeliveryInTheirTransaction) {
  create(make_task("t1", "alice", 100));
  create(make_task("t2", "alice", 100));
  store_->webhooks().set("t1", hook, at(100));
  store_->events().append("t1", {"task.progress", "{}"}, at(101));
  end_task("t1", domain::TaskStatus::completed, "task.completed", 110);
  end_task("t2", domain::TaskStatus::completed, "task.completed", 110);  // no webhook: nothing queued
  store_->events().append("t1", {"task.refreshed", "{}"}, at(120));

  const auto page = store_->webhooks().list("t1", std::nullopt, 10);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].event, "task.refreshed");
  EXPECT_EQ(page.items[1].event, "task.completed");
  const WebhookDelivery& completed = page.items[1];
  EXPECT_EQ(completed.task_id, "t1");
  EXPECT_EQ(completed.at, at(110));
  EXPECT_EQ(completed.status, DeliveryStatus::pending);
  EXPECT_EQ(completed.attempts, 0);
  EXPECT_EQ(completed.next_attempt_at, at(110));
  EXPECT_EQ(count("SELECT COUNT(*) FROM webhook_deliveries"), 2);
}

TEST_P(WebhookRepositoryTest, AnEventWhoseTransactionRollsBackQueuesNothing) {
  create(make_task("t1", "alice", 100));
  store_->webhooks().set("t1", hook, at(100));
  EXPECT_THROW(store_->write_together([&] {
    store_->events().append("t1", {"task.failed", "{}"}, at(101));
    throw std::runtime_error("the rest of the change failed");
  }),
               std::runtime_error);
  EXPECT_EQ(count("SELECT COUNT(*) FROM webhook_deliveries"), 0);
}

TEST_P(WebhookRepositoryTest, ALeaseCountsTheAttemptAndHidesTheDeliveryUntilItsDeadline) {
  create(make_task("t1", "alice", 100));
  store_->webhooks().set("t1", hook, at(100));
  store_->events().append("t1", {"task.failed", "{}"}, at(110));
  EXPECT_FALSE(store_->webhooks().lease(at(109), seconds{60}));

  const auto leased = store_->webhooks().lease(at(110), seconds{60});
  ASSERT_TRUE(leased);
  EXPECT_EQ(leased->delivery.event, "task.failed");
  EXPECT_EQ(leased->delivery.attempts, 1);
  EXPECT_FALSE(leased->body);
  EXPECT_EQ(leased->webhook, hook);
  EXPECT_FALSE(store_->webhooks().lease(at(169), seconds{60}));

  // The sender died: another takes it over at the deadline, and the first can no longer record.
  const auto taken_over = store_->webhooks().lease(at(170), seconds{60});
  ASSERT_TRUE(taken_over);
  EXPECT_EQ(taken_over->delivery.attempts, 2);
  auto stale = attempt_of(*leased, 171);
  EXPECT_FALSE(store_->webhooks().record(stale));
}

TEST_P(WebhookRepositoryTest, AFailedAttemptKeepsItsBodyAndIsRetriedThenDelivered) {
  create(make_task("t1", "alice", 100));
  store_->webhooks().set("t1", hook, at(100));
  store_->events().append("t1", {"task.completed", "{}"}, at(110));

  const auto first = store_->webhooks().lease(at(110), seconds{60});
  auto failed = attempt_of(*first, 111);
  failed.body = R"({"event":"task.completed"})";
  failed.status_code = 500;
  failed.error = "the receiver answered HTTP 500";
  failed.retry_at = at(112);
  ASSERT_TRUE(store_->webhooks().record(failed));
  auto listed = store_->webhooks().list("t1", std::nullopt, 10).items.at(0);
  EXPECT_EQ(listed.status, DeliveryStatus::pending);
  EXPECT_EQ(listed.last_status_code, 500);
  EXPECT_EQ(listed.last_error, "the receiver answered HTTP 500");
  EXPECT_EQ(listed.next_attempt_at, at(112));
  EXPECT_FALSE(store_->webhooks().lease(at(111), seconds{60}));

  const auto second = store_->webhooks().lease(at(112), seconds{60});
  ASSERT_TRUE(second);
  EXPECT_EQ(second->body, R"({"event":"task.completed"})");
  auto delivered = attempt_of(*second, 113);
  delivered.body = R"({"other":"body"})";  // a body is kept once: retries send the first
  delivered.status_code = 204;
  ASSERT_TRUE(store_->webhooks().record(delivered));
  listed = store_->webhooks().list("t1", std::nullopt, 10).items.at(0);
  EXPECT_EQ(listed.status, DeliveryStatus::delivered);
  EXPECT_EQ(listed.attempts, 2);
  EXPECT_EQ(listed.last_status_code, 204);
  EXPECT_FALSE(listed.last_error);
  EXPECT_FALSE(listed.next_attempt_at);
  EXPECT_EQ(listed.delivered_at, at(113));
  EXPECT_EQ(text_of("SELECT body FROM webhook_deliveries"), R"({"event":"task.completed"})");
  EXPECT_FALSE(store_->webhooks().lease(at(10'000), seconds{60}));
  EXPECT_FALSE(store_->webhooks().record(delivered));
}

TEST_P(WebhookRepositoryTest, AnAttemptWithoutRetryFailsTheDeliveryForGood) {
  create(make_task("t1", "alice", 100));
  store_->webhooks().set("t1", hook, at(100));
  store_->events().append("t1", {"task.completed", "{}"}, at(110));
  auto last = attempt_of(*store_->webhooks().lease(at(110), seconds{60}), 111);
  last.error = "connect to example.com failed: Connection refused";
  ASSERT_TRUE(store_->webhooks().record(last));
  const auto listed = store_->webhooks().list("t1", std::nullopt, 10).items.at(0);
  EXPECT_EQ(listed.status, DeliveryStatus::failed);
  EXPECT_FALSE(listed.last_status_code);
  EXPECT_FALSE(listed.next_attempt_at);
  EXPECT_FALSE(store_->webhooks().lease(at(10'000), seconds{60}));
}

TEST_P(WebhookRepositoryTest, LeasesTakeTheDeliveryDueLongestAgo) {
  create(make_task("t1", "alice", 100));
  create(make_task("t2", "alice", 100));
  store_->webhooks().set("t1", hook, at(100));
  store_->webhooks().set("t2", hook, at(100));
  store_->events().append("t2", {"task.completed", "{}"}, at(105));
  store_->events().append("t1", {"task.completed", "{}"}, at(110));
  EXPECT_EQ(store_->webhooks().lease(at(200), seconds{60})->delivery.task_id, "t2");
  EXPECT_EQ(store_->webhooks().lease(at(200), seconds{60})->delivery.task_id, "t1");
  EXPECT_FALSE(store_->webhooks().lease(at(200), seconds{60}));
}

TEST_P(WebhookRepositoryTest, ListPagesNewestFirstAndGoesWithTheTask) {
  create(make_task("t1", "alice", 100));
  store_->webhooks().set("t1", hook, at(100));
  for (int i = 0; i < 5; ++i) store_->events().append("t1", {"task.refreshed", "{}"}, at(110 + i));
  const auto first = store_->webhooks().list("t1", std::nullopt, 2);
  ASSERT_EQ(first.items.size(), 2u);
  ASSERT_TRUE(first.next);
  EXPECT_EQ(first.items[0].at, at(114));
  const auto second = store_->webhooks().list("t1", first.next, 2);
  const auto third = store_->webhooks().list("t1", second.next, 2);
  EXPECT_EQ(second.items[0].at, at(112));
  ASSERT_EQ(third.items.size(), 1u);
  EXPECT_EQ(third.items[0].at, at(110));
  EXPECT_FALSE(third.next);

  EXPECT_TRUE(store_->tasks().remove("t1"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM webhook_deliveries"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM task_webhooks"), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, WebhookRepositoryTest, engines(), engine_name);

}  // namespace
}  // namespace vka::store::testing
