#include "store/change_broadcast.hpp"

#include <spdlog/spdlog.h>

namespace vka::store {

class ChangeBroadcast::Registration final : public Subscription {
 public:
  Registration(std::weak_ptr<Wakes> wakes, int id) : wakes_(std::move(wakes)), id_(id) {}
  ~Registration() override {
    if (const auto wakes = wakes_.lock()) {
      std::lock_guard lock(wakes->mutex);
      wakes->by_id.erase(id_);
    }
  }
  Registration(const Registration&) = delete;
  Registration& operator=(const Registration&) = delete;

 private:
  std::weak_ptr<Wakes> wakes_;
  int id_;
};

std::unique_ptr<Subscription> ChangeBroadcast::subscribe(std::function<void()> wake) {
  std::lock_guard lock(wakes_->mutex);
  const int id = wakes_->next_id++;
  wakes_->by_id.emplace(id, std::move(wake));
  return std::make_unique<Registration>(wakes_, id);
}

void ChangeBroadcast::announce() noexcept {
  std::lock_guard lock(wakes_->mutex);
  for (const auto& [id, wake] : wakes_->by_id) {
    try {
      wake();
    } catch (const std::exception& error) {
      spdlog::warn("a change watcher failed: {}", error.what());
    }
  }
}

}  // namespace vka::store
