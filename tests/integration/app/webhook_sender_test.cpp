#include "app/webhook_sender.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <boost/json/parse.hpp>

#include <filesystem>

#include "../vk/local_http_server.hpp"
#include "api/task_creation.hpp"
#include "api/task_json.hpp"

namespace vka::app {
namespace {

using vk::testing::LocalHttpServer;

class WebhookSenderTest : public ::testing::Test {
 protected:
  WebhookSenderTest() : secrets_(auth::SecretKey::random()) {
    std::string pattern = (std::filesystem::temp_directory_path() / "vka-webhook-sender-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    dir_ = pattern;
    store_ = store::open_store("sqlite://" + (dir_ / "webhooks.db").string());
    store_->migrate();
    domain::TaskParams params;
    params.groups = {domain::GroupRef{std::int64_t{1}}};
    task_id_ = api::create_task(*store_, params, "alice").id;
  }
  ~WebhookSenderTest() override {
    store_->close();
    std::filesystem::remove_all(dir_);
  }

  // Gives the task a webhook to `url` and appends task.completed, which queues its delivery.
  void complete_with_webhook(const std::string& url) {
    ASSERT_TRUE(store_->webhooks().set(task_id_, {url, secrets_.seal(secret_)}, domain::now()));
    ASSERT_TRUE(store_->events().append(task_id_, {"task.completed", "{}"}, domain::now()));
  }

  store::WebhookDelivery only_delivery() {
    const auto page = store_->webhooks().list(task_id_, std::nullopt, 10);
    if (page.items.size() != 1) throw std::runtime_error("expected one delivery");
    return page.items.front();
  }

  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
  auth::WebhookSecrets secrets_;
  std::string secret_ = auth::WebhookSecrets::generate();
  std::string task_id_;
};

TEST_F(WebhookSenderTest, PostsTheEventWithTheTaskAndRecordsTheDelivery) {
  LocalHttpServer receiver;
  complete_with_webhook(receiver.url("/echo"));
  WebhookSender sender(*store_, secrets_, {.allow_private = true});
  ASSERT_TRUE(sender.send_next());
  EXPECT_FALSE(sender.send_next()) << "nothing else is due";

  const auto sent = boost::json::parse(receiver.last_body()).as_object();
  EXPECT_EQ(sent.at("event"), "task.completed");
  EXPECT_EQ(sent.at("task"), api::task_to_json(*store_->tasks().get(task_id_)));
  const auto delivery = only_delivery();
  EXPECT_EQ(delivery.status, store::DeliveryStatus::delivered);
  EXPECT_EQ(delivery.attempts, 1);
  EXPECT_EQ(delivery.last_status_code, 200);
  EXPECT_EQ(delivery.last_error, std::nullopt);
}

TEST_F(WebhookSenderTest, AnErrorAnswerIsRetriedLater) {
  LocalHttpServer receiver;
  complete_with_webhook(receiver.url("/fail"));
  WebhookSender sender(*store_, secrets_, {.allow_private = true});
  ASSERT_TRUE(sender.send_next());

  const auto delivery = only_delivery();
  EXPECT_EQ(delivery.status, store::DeliveryStatus::pending);
  EXPECT_EQ(delivery.last_status_code, 500);
  EXPECT_EQ(delivery.last_error, "the receiver answered HTTP 500");
  ASSERT_TRUE(delivery.next_attempt_at);
  EXPECT_GT(*delivery.next_attempt_at, delivery.created_at);
}

TEST_F(WebhookSenderTest, WithoutAllowPrivateAPrivateAddressIsNeverCalled) {
  // As if the host resolved to a public address when the webhook was set and to this host now.
  LocalHttpServer receiver;
  complete_with_webhook(receiver.url("/echo"));
  WebhookSender sender(*store_, secrets_, {.allow_private = false});
  ASSERT_TRUE(sender.send_next());

  EXPECT_EQ(receiver.accepted(), 0);
  const auto delivery = only_delivery();
  EXPECT_EQ(delivery.status, store::DeliveryStatus::pending);
  EXPECT_EQ(delivery.last_status_code, std::nullopt);
  ASSERT_TRUE(delivery.last_error);
  EXPECT_NE(delivery.last_error->find("no address this client may call"), std::string::npos) << *delivery.last_error;
}

TEST_F(WebhookSenderTest, ADeliveryWhoseWebhookWasRemovedFails) {
  LocalHttpServer receiver;
  complete_with_webhook(receiver.url("/echo"));
  ASSERT_TRUE(store_->webhooks().clear(task_id_));
  WebhookSender sender(*store_, secrets_, {.allow_private = true});
  ASSERT_TRUE(sender.send_next());

  EXPECT_EQ(receiver.accepted(), 0);
  const auto delivery = only_delivery();
  EXPECT_EQ(delivery.status, store::DeliveryStatus::failed);
  EXPECT_EQ(delivery.last_error, "the task no longer has a webhook");
}

TEST_F(WebhookSenderTest, ASecretSealedUnderAnotherKeyFailsTheDeliveryUnsent) {
  LocalHttpServer receiver;
  complete_with_webhook(receiver.url("/echo"));
  const auth::WebhookSecrets other_key(auth::SecretKey::random());
  WebhookSender sender(*store_, other_key, {.allow_private = true});
  ASSERT_TRUE(sender.send_next());

  EXPECT_EQ(receiver.accepted(), 0);
  const auto delivery = only_delivery();
  EXPECT_EQ(delivery.status, store::DeliveryStatus::failed);
  ASSERT_TRUE(delivery.last_error);
  EXPECT_NE(delivery.last_error->find("secret.key"), std::string::npos);
}

}  // namespace
}  // namespace vka::app
