#pragma once
// A session of its own that LISTENs on a channel and calls `wake` on a thread of its own for every batch of
// notifications, and once after each (re)connection, since notifications sent while it was away are lost.
// Reconnects with backoff when the server goes away. Destroying it stops the thread.
#include <atomic>
#include <functional>
#include <string>
#include <thread>

#include "store/store.hpp"

namespace vka::store::postgres {

class NotificationListener final : public Subscription {
 public:
  NotificationListener(std::string url, std::string channel, std::function<void()> wake);
  ~NotificationListener() override;
  NotificationListener(const NotificationListener&) = delete;
  NotificationListener& operator=(const NotificationListener&) = delete;

 private:
  void run();
  void listen_until_lost();
  void pause(std::chrono::milliseconds duration) const;

  const std::string url_;
  const std::string channel_;
  const std::function<void()> wake_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace vka::store::postgres
