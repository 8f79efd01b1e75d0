#include "vk/pacer.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace vka::vk {

SlidingWindow::SlidingWindow(std::size_t limit, Clock::duration window) : grants_(limit), window_(window) {
  if (limit == 0) throw std::invalid_argument("pacer limit must be at least 1 request per window");
}

Clock::time_point SlidingWindow::next_grant_time(Clock::time_point now) const {
  Clock::time_point at = std::max(now, held_until_);
  if (size_ == grants_.size()) at = std::max(at, grants_[next_] + window_);
  return at;
}

void SlidingWindow::record(Clock::time_point granted) {
  grants_[next_] = granted;
  next_ = (next_ + 1) % grants_.size();
  size_ = std::min(size_ + 1, grants_.size());
}

void SlidingWindow::hold_until(Clock::time_point until) { held_until_ = std::max(held_until_, until); }

FairQueue::Ticket FairQueue::enqueue(std::string_view task_key) {
  const Ticket ticket = next_ticket_++;
  auto task = std::find_if(tasks_.begin(), tasks_.end(), [&](const Task& t) { return t.key == task_key; });
  if (task == tasks_.end()) {
    tasks_.push_back(Task{std::string(task_key), {ticket}});
  } else {
    task->tickets.push_back(ticket);
  }
  return ticket;
}

std::optional<FairQueue::Ticket> FairQueue::front() const {
  if (tasks_.empty()) return std::nullopt;
  return tasks_.front().tickets.front();
}

void FairQueue::pop_front() {
  if (tasks_.empty()) return;
  Task task = std::move(tasks_.front());
  tasks_.pop_front();
  task.tickets.pop_front();
  if (!task.tickets.empty()) tasks_.push_back(std::move(task));
}

Pacer::Pacer(PacerOptions options, Clock& clock, SharedBooking shared)
    : options_(options),
      clock_(clock),
      shared_(std::move(shared)),
      window_(options.requests_per_window, options.window + options.safety_margin) {}

Clock::time_point Pacer::acquire(std::string_view task_key) {
  std::unique_lock lock(mutex_);
  const FairQueue::Ticket ticket = queue_.enqueue(task_key);
  for (;;) {
    if (queue_.front() != ticket) {
      changed_.wait(lock);
      continue;
    }
    const Clock::time_point now = clock_.now();
    const Clock::time_point at = window_.next_grant_time(now);
    if (at <= now) break;
    clock_.wait_until(lock, changed_, at);
  }
  if (shared_) {
    try {
      wait_for_shared_booking(lock);
    } catch (...) {
      leave_queue();
      throw;
    }
  }
  const Clock::time_point granted = clock_.now();
  window_.record(granted);
  leave_queue();
  return granted;
}

void Pacer::wait_for_shared_booking(std::unique_lock<std::mutex>& lock) {
  for (;;) {
    // The booking may wait on the database: let other callers queue meanwhile (they stay behind this one).
    lock.unlock();
    Clock::duration wait{};
    try {
      wait = shared_();
    } catch (...) {
      lock.lock();
      throw;
    }
    lock.lock();
    if (wait <= Clock::duration::zero()) return;
    const Clock::time_point until = clock_.now() + wait;
    while (clock_.now() < until) clock_.wait_until(lock, changed_, until);
  }
}

void Pacer::leave_queue() {
  queue_.pop_front();
  changed_.notify_all();
}

void Pacer::hold_for(Clock::duration pause) {
  std::lock_guard guard(mutex_);
  window_.hold_until(clock_.now() + pause);
  changed_.notify_all();
}

}  // namespace vka::vk
