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
  // Calls wake on every announce() until the returned subscription is destroyed; the subscription may
  // outlive this broadcast (a feed torn down after its store), it is then simply inert.
  std::unique_ptr<Subscription> subscribe(std::function<void()> wake);
  void announce() noexcept;

 private:
  struct Wakes {
    std::mutex mutex;
    int next_id = 0;
    std::map<int, std::function<void()>> by_id;
  };
  class Registration;

  std::shared_ptr<Wakes> wakes_ = std::make_shared<Wakes>();
};

}  // namespace vka::store
