#pragma once
// Refreshes the tasks whose schedule is due. The schedule lives in the database (next_refresh_at), so it
// holds across restarts; each due task is claimed by a compare-and-set there and started as a refresh only
// from a finished status, so of several processes at most one refreshes a task, and never twice at once. A
// task still collecting when its time comes skips that turn and waits for the next one.
#include <chrono>

#include "app/polling_thread.hpp"
#include "store/store.hpp"

namespace vka::app {

// How often serve and worker look for due refreshes.
inline constexpr std::chrono::milliseconds refresh_poll_interval{10'000};

class RefreshScheduler {
 public:
  RefreshScheduler(store::Store& store, std::chrono::milliseconds poll_interval);

  void start() { thread_.start(); }
  void stop() { thread_.stop(); }

  // Starts every refresh due now; returns how many started. One pass of the thread, callable alone.
  int run_due();

 private:
  store::Store& store_;
  PollingThread thread_;  // last: its thread stops before the rest goes
};

}  // namespace vka::app
