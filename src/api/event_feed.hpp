#pragma once
// The change feed behind every event stream: one thread reads the new events of each followed source (a
// task's domain events, or the audit trail) and keeps the recent ones in memory, so that the streams of
// one source share one read instead of each polling the database. It reads when the store announces a
// committed change (Store::watch_changes), and every `fallback_poll` besides, for writes it is not told of
// (another process on SQLite). Also caps the streams per credential and in total.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "http/concurrency_limiter.hpp"
#include "store/store.hpp"

namespace vka::api {

struct EventStreamLimits {
  int per_credential = 5;
  int total = 200;
};

// The source of the audit trail's events (task ids are never empty). Its events are `audit.<action>` with
// the entry's JSON as payload, numbered by the entry's seq.
inline constexpr std::string_view audit_source = "";

class EventFeed {
 public:
  EventFeed(store::Store& store, EventStreamLimits limits,
            std::chrono::milliseconds fallback_poll = std::chrono::seconds{2});
  ~EventFeed();
  EventFeed(const EventFeed&) = delete;
  EventFeed& operator=(const EventFeed&) = delete;

  // A place for one more stream of `credential`; null when it or the server has as many as allowed.
  std::shared_ptr<void> open_stream(const std::string& credential);

  struct Update {
    std::vector<store::StoredEvent> events;  // after the asked seq, oldest first
    bool finished = false;                   // the task ended (or is gone) and every event was given
  };
  // Events of `source` (a task id, or audit_source) after `after_seq`: from memory once the feed follows
  // it, from the database for a backlog older than what it keeps.
  Update read(const std::string& source, std::int64_t after_seq, int limit);
  // Follows the source while the result is held; one nobody followed yet is followed from `from_seq`.
  std::shared_ptr<void> watch(const std::string& source, std::int64_t from_seq);
  const EventStreamLimits& limits() const { return limits_; }

 private:
  struct Followed {
    int watchers = 0;
    bool polled = false;  // at least once: `recent` and `finished` are known
    std::int64_t last_seq = 0;
    std::deque<store::StoredEvent> recent;
    bool finished = false;
  };
  void run();
  void poll(const std::string& source);
  std::vector<store::StoredEvent> fetch(const std::string& source, std::int64_t after_seq, int limit);
  void unwatch(const std::string& source);
  void changed();

  store::Store& store_;
  EventStreamLimits limits_;
  std::chrono::milliseconds fallback_poll_;
  http::ConcurrencyLimiter per_credential_;
  http::ConcurrencyLimiter total_;
  std::mutex mutex_;
  std::condition_variable woken_;
  bool stopping_ = false;
  bool changed_ = false;
  std::map<std::string, Followed, std::less<>> followed_;
  std::thread thread_;
  std::unique_ptr<store::Subscription> changes_;
};

}  // namespace vka::api
