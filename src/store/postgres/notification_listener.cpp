#include "store/postgres/notification_listener.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "store/error.hpp"
#include "store/postgres/connection.hpp"

namespace vka::store::postgres {

namespace {

constexpr std::chrono::milliseconds check_stop_every{200};

}  // namespace

NotificationListener::NotificationListener(std::string url, std::string channel, std::function<void()> wake)
    : url_(std::move(url)), channel_(std::move(channel)), wake_(std::move(wake)), thread_([this] { run(); }) {}

NotificationListener::~NotificationListener() {
  stopping_ = true;
  thread_.join();
}

void NotificationListener::run() {
  std::chrono::milliseconds backoff{250};
  while (!stopping_) {
    try {
      listen_until_lost();
      backoff = std::chrono::milliseconds{250};
    } catch (const StoreError& e) {
      spdlog::warn("listening on {}: {}; reconnecting in {} ms", channel_, e.what(), backoff.count());
      pause(backoff);
      backoff = std::min(backoff * 2, std::chrono::milliseconds{5000});
    }
  }
}

void NotificationListener::listen_until_lost() {
  Connection connection(url_);
  connection.exec_script("LISTEN " + channel_);
  wake_();
  while (!stopping_) {
    if (connection.wait_for_notifications(check_stop_every) > 0) wake_();
  }
}

void NotificationListener::pause(std::chrono::milliseconds duration) const {
  for (auto waited = std::chrono::milliseconds{0}; waited < duration && !stopping_; waited += check_stop_every)
    std::this_thread::sleep_for(check_stop_every);
}

}  // namespace vka::store::postgres
