#pragma once
// SIGINT, SIGTERM and SIGHUP, received synchronously by the thread that waits for them. `serve`
// takes SIGHUP as "reload the TLS files"; every other command stops on it.
#include <chrono>
#include <csignal>
#include <optional>

namespace vka::app {

class StopSignals {
 public:
  // Blocks the signals in this thread and in every thread started after it, so that only wait()
  // and wait_for() see them: construct it before starting any thread.
  StopSignals();

  // The signal received.
  int wait() const;
  // The signal received, or nullopt when none arrived within timeout.
  std::optional<int> wait_for(std::chrono::milliseconds timeout) const;

 private:
  sigset_t signals_;
};

const char* signal_name(int signal);  // "SIGINT", "SIGTERM" or "SIGHUP"

}  // namespace vka::app
