#pragma once
// A background thread that makes passes of some work until stopped: at once again after a pass that did
// something, else after the poll interval. A pass that throws is logged and tried again at the next turn
// (the store may be unavailable for a while). Behind the refresh scheduler and the webhook sender.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace vka::app {

class PollingThread {
 public:
  // pass returns whether it did something; name goes into the log line of a failed pass.
  PollingThread(std::string name, std::chrono::milliseconds poll_interval, std::function<bool()> pass);
  ~PollingThread();
  PollingThread(const PollingThread&) = delete;
  PollingThread& operator=(const PollingThread&) = delete;

  void start();
  // Lets the pass under way end, then returns.
  void stop();

 private:
  void loop();

  std::string name_;
  std::chrono::milliseconds poll_interval_;
  std::function<bool()> pass_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace vka::app
