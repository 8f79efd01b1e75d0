#include "store/change_broadcast.hpp"

#include <spdlog/spdlog.h>

namespace vka::store {

class ChangeBroadcast::Registration final : public Subscription {
 public:
  Registration(ChangeBroadcast& broadcast, int id) : broadcast_(broadcast), id_(id) {}
  ~Registration() override { broadcast_.unsubscribe(id_); }
  Registration(const Registration&) = delete;
  Registration& operator=(const Registration&) = delete;

 private:
  ChangeBroadcast& broadcast_;
  int id_;
};

std::unique_ptr<Subscription> ChangeBroadcast::subscribe(std::function<void()> wake) {
  std::lock_guard lock(mutex_);
  const int id = next_id_++;
  wakes_.emplace(id, std::move(wake));
  return std::make_unique<Registration>(*this, id);
}

void ChangeBroadcast::unsubscribe(int id) {
  std::lock_guard lock(mutex_);
  wakes_.erase(id);
}

void ChangeBroadcast::announce() noexcept {
  std::lock_guard lock(mutex_);
  for (const auto& [id, wake] : wakes_) {
    try {
      wake();
    } catch (const std::exception& error) {
      spdlog::warn("a change watcher failed: {}", error.what());
    }
  }
}

}  // namespace vka::store
