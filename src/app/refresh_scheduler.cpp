#include "app/refresh_scheduler.hpp"

#include <spdlog/spdlog.h>

#include "api/task_refresh.hpp"
#include "store/error.hpp"

namespace vka::app {

RefreshScheduler::RefreshScheduler(store::Store& store, std::chrono::milliseconds poll_interval)
    : store_(store), poll_interval_(poll_interval) {}

RefreshScheduler::~RefreshScheduler() { stop(); }

void RefreshScheduler::start() {
  thread_ = std::thread([this] { loop(); });
}

void RefreshScheduler::stop() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

int RefreshScheduler::run_due() {
  int started = 0;
  while (const auto task_id = store_.tasks().claim_due_refresh(domain::now())) {
    const auto task = store_.tasks().get(*task_id);
    if (!task) continue;
    const auto result = api::start_refresh(store_, *task);
    if (result.outcome == store::TransitionResult::Outcome::applied) {
      spdlog::info("task {}: scheduled refresh started", *task_id);
      ++started;
    } else {
      spdlog::info("task {}: scheduled refresh skipped, the task is {}", *task_id,
                   domain::to_string(result.task ? result.task->status : task->status));
    }
  }
  return started;
}

void RefreshScheduler::loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    try {
      run_due();
    } catch (const store::StoreError& error) {
      spdlog::error("scheduled refreshes: {}", error.what());  // the next pass tries again
    }
    lock.lock();
    wake_.wait_for(lock, poll_interval_, [this] { return stopping_; });
  }
}

}  // namespace vka::app
