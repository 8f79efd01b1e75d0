#pragma once
// Task webhooks and the outbox of their deliveries. A delivery is written by the task write that appends a
// webhook event (domain/webhook_events.hpp), in that same transaction, when the task has a webhook then.
// Senders in any process lease due deliveries one at a time: leasing counts the attempt and moves
// next_attempt_at past the attempt's deadline, so a sender that dies leaves the delivery to another, and
// every later write names the attempt it leased, which fences out a sender whose lease was taken over.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/time.hpp"

namespace vka::store {

struct StoredWebhook {
  std::string url;
  std::vector<std::uint8_t> sealed_secret;  // sealed by the caller, stored as given
  bool operator==(const StoredWebhook&) const = default;
};

enum class DeliveryStatus { pending, delivered, failed };
std::string_view to_string(DeliveryStatus status);

struct WebhookDelivery {
  std::int64_t id = 0;
  std::string task_id;
  std::string event;
  domain::Timestamp at;  // when the event happened
  DeliveryStatus status = DeliveryStatus::pending;
  int attempts = 0;
  std::optional<int> last_status_code;
  std::optional<std::string> last_error;
  std::optional<domain::Timestamp> next_attempt_at;  // pending only
  std::optional<domain::Timestamp> delivered_at;
  domain::Timestamp created_at;
  bool operator==(const WebhookDelivery&) const = default;
};

// A delivery a sender holds for one attempt, with what it needs to make it.
struct LeasedDelivery {
  WebhookDelivery delivery;              // attempts includes this one
  std::optional<std::string> body;       // nullopt before the first attempt: the sender renders and keeps it
  std::optional<StoredWebhook> webhook;  // nullopt when the task's webhook was removed since the event
};

// How one attempt ended. With a body, a delivery that had none keeps it for its retries.
struct DeliveryAttempt {
  std::int64_t id = 0;
  int attempt = 0;  // LeasedDelivery::delivery.attempts
  std::optional<std::string> body;
  std::optional<int> status_code;             // the receiver's answer, when there was one
  std::optional<std::string> error;           // why the attempt failed; nullopt when it succeeded
  std::optional<domain::Timestamp> retry_at;  // a failed attempt: when to try again; nullopt: failed for good
  domain::Timestamp at;
};

struct DeliveryPage {
  std::vector<WebhookDelivery> items;
  std::optional<std::int64_t> next;  // the id to continue after; nullopt on the last page
};

class WebhookRepository {
 public:
  virtual ~WebhookRepository() = default;

  // Sets or replaces the task's webhook; false (nothing written) when there is no such task.
  virtual bool set(std::string_view task_id, const StoredWebhook& webhook, domain::Timestamp at) = 0;
  // False when the task had none.
  virtual bool clear(std::string_view task_id) = 0;

  // The pending delivery due longest ago (next_attempt_at <= now), leased for one attempt that must end
  // before now + attempt_deadline; nullopt when none is due.
  virtual std::optional<LeasedDelivery> lease(domain::Timestamp now, std::chrono::seconds attempt_deadline) = 0;
  // Records the attempt; false (nothing written) when the delivery was leased again meanwhile.
  virtual bool record(const DeliveryAttempt& attempt) = 0;

  // The task's deliveries, newest first, after the delivery `after` when given; limit is clamped to 1..1000.
  virtual DeliveryPage list(std::string_view task_id, std::optional<std::int64_t> after, int limit) = 0;
};

}  // namespace vka::store
