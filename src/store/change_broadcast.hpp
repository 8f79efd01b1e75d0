#pragma once
// Change watchers within one process (Store::watch_changes on an engine without notifications of its own):
// announce() calls every subscribed wake, on the announcing thread, so a wake must only signal.
#include <functional>
#include <map>
#include <memory>
#include <mutex>

#include "store/store.hpp"

namespace vka::store {

class ChangeBroadcast {
 public:
  // Calls wake on every announce() until the returned subscription is destroyed; it must not outlive this.
  std::unique_ptr<Subscription> subscribe(std::function<void()> wake);
  void announce() noexcept;

 private:
  class Registration;
  void unsubscribe(int id);

  std::mutex mutex_;
  int next_id_ = 0;
  std::map<int, std::function<void()>> wakes_;
};

}  // namespace vka::store
