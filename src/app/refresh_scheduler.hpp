#pragma once
// Refreshes the tasks whose schedule is due. The schedule lives in the database (next_refresh_at), so it
// holds across restarts; each due task is claimed by a compare-and-set there and started as a refresh only
// from a finished status, so of several processes at most one refreshes a task, and never twice at once. A
// task still collecting when its time comes skips that turn and waits for the next one.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "store/store.hpp"

namespace vka::app {

// How often serve and worker look for due refreshes.
inline constexpr std::chrono::milliseconds refresh_poll_interval{10'000};

class RefreshScheduler {
 public:
  RefreshScheduler(store::Store& store, std::chrono::milliseconds poll_interval);
  ~RefreshScheduler();
  RefreshScheduler(const RefreshScheduler&) = delete;
  RefreshScheduler& operator=(const RefreshScheduler&) = delete;

  void start();
  void stop();

  // Starts every refresh due now; returns how many started. One pass of the thread, callable alone.
  int run_due();

 private:
  void loop();

  store::Store& store_;
  std::chrono::milliseconds poll_interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace vka::app
