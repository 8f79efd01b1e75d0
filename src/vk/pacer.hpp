#pragma once
// One pacer per VK token: never more than `requests_per_window` grants in any window of
// `window + safety_margin` (VK timestamps requests on arrival, so the margin absorbs network
// jitter). Concurrent callers are served round-robin between task keys, FIFO within a task.
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vk/clock.hpp"

namespace vka::vk {

// The pure rate decision over the timestamps of the last `limit` grants.
class SlidingWindow {
 public:
  SlidingWindow(std::size_t limit, Clock::duration window);
  // The earliest instant ≥ now at which one more grant keeps every window within the limit.
  Clock::time_point next_grant_time(Clock::time_point now) const;
  // Precondition: granted >= next_grant_time(granted).
  void record(Clock::time_point granted);
  // No grant before `until` (after a VK error 6, or a restart that may have left recent requests).
  void hold_until(Clock::time_point until);

 private:
  std::vector<Clock::time_point> grants_;  // ring of the last `limit` grants
  std::size_t next_ = 0;                   // ring slot of the oldest grant once full
  std::size_t size_ = 0;
  Clock::duration window_;
  Clock::time_point held_until_{};
};

// Round-robin between task keys, FIFO within a key: the pure fairness decision.
class FairQueue {
 public:
  using Ticket = std::uint64_t;
  Ticket enqueue(std::string_view task_key);
  std::optional<Ticket> front() const;
  // Removes the front ticket; its task moves to the back of the rotation.
  void pop_front();
  bool empty() const { return tasks_.empty(); }

 private:
  struct Task {
    std::string key;
    std::deque<Ticket> tickets;
  };
  std::deque<Task> tasks_;  // rotation order; the front task is served next
  Ticket next_ticket_ = 0;
};

struct PacerOptions {
  std::size_t requests_per_window = 3;  // user and service tokens: 3/s; community tokens: 20/s
  Clock::duration window = std::chrono::seconds(1);
  Clock::duration safety_margin = std::chrono::milliseconds(50);
};

// Books a send of this pacer's token now, where every other process using the token sees it, and returns
// zero; or books nothing and returns how long to wait before asking again. Throws when it cannot ask. The
// collector wires it to the store.
using SharedBooking = std::function<Clock::duration()>;

class Pacer {
 public:
  // With `shared`, each grant this pacer allows is also booked there, so the limit holds across processes.
  Pacer(PacerOptions options, Clock& clock, SharedBooking shared = {});
  // Blocks until the caller may send one request and returns the grant time. Thread-safe. Throws what the
  // shared booking throws; the caller must not send then.
  Clock::time_point acquire(std::string_view task_key);
  void hold_for(Clock::duration pause);
  const PacerOptions& options() const { return options_; }

 private:
  PacerOptions options_;
  Clock& clock_;
  SharedBooking shared_;
  std::mutex mutex_;
  std::condition_variable changed_;
  SlidingWindow window_;
  FairQueue queue_;

  // Called at the front of the queue with the lock held; returns once the shared booking is made.
  void wait_for_shared_booking(std::unique_lock<std::mutex>& lock);
  void leave_queue();
};

}  // namespace vka::vk
