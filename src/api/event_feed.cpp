#include "api/event_feed.hpp"

#include <spdlog/spdlog.h>

#include "domain/task.hpp"

namespace vka::api {

namespace {
constexpr std::size_t kept_per_task = 1000;
constexpr int read_per_poll = 500;
}  // namespace

EventFeed::EventFeed(store::Store& store, EventStreamLimits limits, std::chrono::milliseconds interval)
    : store_(store),
      limits_(limits),
      interval_(interval),
      per_credential_(limits.per_credential),
      total_(limits.total),
      thread_([this] { run(); }) {}

EventFeed::~EventFeed() {
  {
    std::lock_guard lock{mutex_};
    stopping_ = true;
  }
  stop_requested_.notify_all();
  thread_.join();
}

std::shared_ptr<void> EventFeed::open_stream(const std::string& credential) {
  auto everyone = total_.try_acquire("");
  if (!everyone) return nullptr;
  auto own = per_credential_.try_acquire(credential);
  if (!own) return nullptr;
  return std::make_shared<std::pair<std::shared_ptr<void>, std::shared_ptr<void>>>(std::move(everyone), std::move(own));
}

std::shared_ptr<void> EventFeed::watch(const std::string& task_id, std::int64_t from_seq) {
  {
    std::lock_guard lock{mutex_};
    auto& followed = followed_[task_id];
    if (followed.watchers++ == 0) followed.last_seq = from_seq;
  }
  return {static_cast<void*>(this), [this, task_id](void*) { unwatch(task_id); }};
}

void EventFeed::unwatch(const std::string& task_id) {
  std::lock_guard lock{mutex_};
  const auto it = followed_.find(task_id);
  if (it != followed_.end() && --it->second.watchers <= 0) followed_.erase(it);
}

EventFeed::Update EventFeed::read(const std::string& task_id, std::int64_t after_seq, int limit) {
  {
    std::lock_guard lock{mutex_};
    const auto it = followed_.find(task_id);
    if (it != followed_.end() && it->second.polled) {
      const auto& task = it->second;
      const bool kept = task.recent.empty() ? after_seq >= task.last_seq : after_seq >= task.recent.front().seq - 1;
      if (kept) {
        Update update;
        for (const auto& event : task.recent)
          if (event.seq > after_seq && static_cast<int>(update.events.size()) < limit) update.events.push_back(event);
        update.finished = task.finished && update.events.empty() && after_seq >= task.last_seq;
        return update;
      }
    }
  }
  // A backlog older than what is kept (a reconnecting client), or a task not polled yet.
  return {store_.events().list(task_id, after_seq, limit), false};
}

void EventFeed::poll(const std::string& task_id) {
  std::int64_t after = 0;
  {
    std::lock_guard lock{mutex_};
    const auto it = followed_.find(task_id);
    if (it == followed_.end()) return;
    after = it->second.last_seq;
  }
  // The task's state first: an event written after a terminal state is still read below.
  const auto task = store_.tasks().get(task_id);
  const bool finished = !task || domain::is_terminal(task->status);
  // One page per poll: a long backlog is caught up over a few polls.
  auto events = store_.events().list(task_id, after, read_per_poll);
  const bool caught_up = static_cast<int>(events.size()) < read_per_poll;
  std::lock_guard lock{mutex_};
  const auto it = followed_.find(task_id);
  if (it == followed_.end()) return;
  auto& followed = it->second;
  for (auto& event : events) {
    followed.last_seq = event.seq;
    followed.recent.push_back(std::move(event));
    if (followed.recent.size() > kept_per_task) followed.recent.pop_front();
  }
  followed.finished = finished && caught_up;
  followed.polled = true;
}

void EventFeed::run() {
  std::unique_lock lock{mutex_};
  while (!stopping_) {
    std::vector<std::string> tasks;
    for (const auto& [id, followed] : followed_) tasks.push_back(id);
    lock.unlock();
    for (const auto& id : tasks) {
      try {
        poll(id);
      } catch (const std::exception& error) {
        spdlog::warn("event feed: reading task {} failed: {}", id, error.what());
      }
    }
    lock.lock();
    stop_requested_.wait_for(lock, interval_, [this] { return stopping_; });
  }
}

}  // namespace vka::api
