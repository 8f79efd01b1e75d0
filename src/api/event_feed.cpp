#include "api/event_feed.hpp"

#include <boost/json/serialize.hpp>
#include <spdlog/spdlog.h>

#include "api/account_json.hpp"
#include "domain/task.hpp"

namespace vka::api {

namespace {
constexpr std::size_t kept_per_source = 1000;
constexpr int read_per_poll = 500;
// Between two reads at least this long, so that a burst of announced changes costs one read per source.
constexpr auto min_poll_gap = std::chrono::milliseconds{50};

store::StoredEvent audit_event(const store::AuditEntry& entry) {
  auto payload = audit_entry_to_json(entry);
  payload["seq"] = entry.seq;
  return {std::string{audit_source}, entry.seq, "audit." + entry.action, boost::json::serialize(payload), entry.at};
}
}  // namespace

EventFeed::EventFeed(store::Store& store, EventStreamLimits limits, std::chrono::milliseconds fallback_poll)
    : store_(store),
      limits_(limits),
      fallback_poll_(fallback_poll),
      per_credential_(limits.per_credential),
      total_(limits.total),
      thread_([this] { run(); }),
      changes_(store.watch_changes([this] { changed(); })) {}

EventFeed::~EventFeed() {
  changes_.reset();
  {
    std::lock_guard lock{mutex_};
    stopping_ = true;
  }
  woken_.notify_all();
  thread_.join();
}

void EventFeed::changed() {
  {
    std::lock_guard lock{mutex_};
    changed_ = true;
  }
  woken_.notify_all();
}

std::shared_ptr<void> EventFeed::open_stream(const std::string& credential) {
  auto everyone = total_.try_acquire("");
  if (!everyone) return nullptr;
  auto own = per_credential_.try_acquire(credential);
  if (!own) return nullptr;
  return std::make_shared<std::pair<std::shared_ptr<void>, std::shared_ptr<void>>>(std::move(everyone), std::move(own));
}

std::shared_ptr<void> EventFeed::watch(const std::string& source, std::int64_t from_seq) {
  {
    std::lock_guard lock{mutex_};
    auto& followed = followed_[source];
    if (followed.watchers++ == 0) followed.last_seq = from_seq;
  }
  changed();  // a first read now rather than at the next announced change
  return {static_cast<void*>(this), [this, source](void*) { unwatch(source); }};
}

void EventFeed::unwatch(const std::string& source) {
  std::lock_guard lock{mutex_};
  const auto it = followed_.find(source);
  if (it != followed_.end() && --it->second.watchers <= 0) followed_.erase(it);
}

EventFeed::Update EventFeed::read(const std::string& source, std::int64_t after_seq, int limit) {
  {
    std::lock_guard lock{mutex_};
    const auto it = followed_.find(source);
    if (it != followed_.end() && it->second.polled) {
      const auto& followed = it->second;
      const bool kept =
          followed.recent.empty() ? after_seq >= followed.last_seq : after_seq >= followed.recent.front().seq - 1;
      if (kept) {
        Update update;
        for (const auto& event : followed.recent)
          if (event.seq > after_seq && static_cast<int>(update.events.size()) < limit) update.events.push_back(event);
        update.finished = followed.finished && update.events.empty() && after_seq >= followed.last_seq;
        return update;
      }
    }
  }
  // A backlog older than what is kept (a reconnecting client), or a source not read yet.
  return {fetch(source, after_seq, limit), false};
}

std::vector<store::StoredEvent> EventFeed::fetch(const std::string& source, std::int64_t after_seq, int limit) {
  if (source != audit_source) return store_.events().list(source, after_seq, limit);
  std::vector<store::StoredEvent> events;
  for (const auto& entry : store_.audit().after(after_seq, limit)) events.push_back(audit_event(entry));
  return events;
}

void EventFeed::poll(const std::string& source) {
  std::int64_t after = 0;
  {
    std::lock_guard lock{mutex_};
    const auto it = followed_.find(source);
    if (it == followed_.end()) return;
    after = it->second.last_seq;
  }
  // A task's state first: an event written after a terminal state is still read below. The audit trail
  // never ends.
  bool finished = false;
  if (source != audit_source) {
    const auto task = store_.tasks().get(source);
    finished = !task || domain::is_terminal(task->status);
  }
  // One page per read: a long backlog is caught up over a few reads.
  auto events = fetch(source, after, read_per_poll);
  const bool caught_up = static_cast<int>(events.size()) < read_per_poll;
  std::lock_guard lock{mutex_};
  const auto it = followed_.find(source);
  if (it == followed_.end()) return;
  auto& followed = it->second;
  for (auto& event : events) {
    followed.last_seq = event.seq;
    followed.recent.push_back(std::move(event));
    if (followed.recent.size() > kept_per_source) followed.recent.pop_front();
  }
  followed.finished = finished && caught_up;
  followed.polled = true;
  if (!caught_up) changed_ = true;
}

void EventFeed::run() {
  std::unique_lock lock{mutex_};
  while (!stopping_) {
    changed_ = false;
    std::vector<std::string> sources;
    for (const auto& [source, followed] : followed_) sources.push_back(source);
    lock.unlock();
    for (const auto& source : sources) {
      try {
        poll(source);
      } catch (const std::exception& error) {
        spdlog::warn("event feed: reading {} failed: {}", source == audit_source ? "the audit trail" : "task " + source,
                     error.what());
      }
    }
    lock.lock();
    woken_.wait_for(lock, min_poll_gap, [this] { return stopping_; });
    woken_.wait_for(lock, fallback_poll_, [this] { return stopping_ || changed_; });
  }
}

}  // namespace vka::api
