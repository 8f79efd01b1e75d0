#pragma once
// The change feed behind every task event stream: one thread reads each streamed task's new events
// from the database once per interval and keeps the recent ones in memory, so that a task's streams
// share one poll instead of each polling the database. Also caps the streams per credential and in
// total.
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

class EventFeed {
 public:
  EventFeed(store::Store& store, EventStreamLimits limits,
            std::chrono::milliseconds interval = std::chrono::milliseconds{250});
  ~EventFeed();
  EventFeed(const EventFeed&) = delete;
  EventFeed& operator=(const EventFeed&) = delete;

  // A place for one more stream of `credential`; null when it or the server has as many as allowed.
  std::shared_ptr<void> open_stream(const std::string& credential);

  struct Update {
    std::vector<store::StoredEvent> events;  // after the asked seq, oldest first
    bool finished = false;                   // the task ended (or is gone) and every event was given
  };
  // Events of `task_id` after `after_seq`: from memory once the feed follows the task, from the
  // database for a backlog older than what it keeps.
  Update read(const std::string& task_id, std::int64_t after_seq, int limit);
  // Follows the task while the result is held; a task nobody followed yet is followed from `from_seq`.
  std::shared_ptr<void> watch(const std::string& task_id, std::int64_t from_seq);
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
  void poll(const std::string& task_id);
  void unwatch(const std::string& task_id);

  store::Store& store_;
  EventStreamLimits limits_;
  std::chrono::milliseconds interval_;
  http::ConcurrencyLimiter per_credential_;
  http::ConcurrencyLimiter total_;
  std::mutex mutex_;
  std::condition_variable stop_requested_;
  bool stopping_ = false;
  std::map<std::string, Followed, std::less<>> followed_;
  std::thread thread_;
};

}  // namespace vka::api
