#include "app/polling_thread.hpp"

#include <spdlog/spdlog.h>

#include <exception>

namespace vka::app {

PollingThread::PollingThread(std::string name, std::chrono::milliseconds poll_interval, std::function<bool()> pass)
    : name_(std::move(name)), poll_interval_(poll_interval), pass_(std::move(pass)) {}

PollingThread::~PollingThread() { stop(); }

void PollingThread::start() {
  thread_ = std::thread([this] { loop(); });
}

void PollingThread::stop() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void PollingThread::loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    bool did_something = false;
    try {
      did_something = pass_();
    } catch (const std::exception& error) {
      spdlog::error("{}: {}", name_, error.what());  // the next turn tries again
    }
    lock.lock();
    if (!did_something) wake_.wait_for(lock, poll_interval_, [this] { return stopping_; });
  }
}

}  // namespace vka::app
