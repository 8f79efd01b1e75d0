#include "api/page_cache.hpp"

namespace vka::api {

bool PageCache::holds(const std::string& key) const {
  std::lock_guard lock{mutex_};
  return entries_.contains(key);
}

std::optional<CachedPage> PageCache::find(const std::string& key, std::int64_t version) {
  std::lock_guard lock{mutex_};
  const auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  if (it->second.version != version) {
    // Versions only grow: a page older than the version asked for is never current again.
    if (it->second.version < version) erase(it);
    return std::nullopt;
  }
  recency_.splice(recency_.begin(), recency_, it->second.recency);
  return it->second.cached;
}

void PageCache::store(const std::string& key, std::int64_t version, CachedPage cached) {
  // The key is held twice: in the map and in the recency list.
  const std::size_t bytes = cached.page.size_bytes() + cached.task_owner.size() + 2 * key.size();
  std::lock_guard lock{mutex_};
  if (const auto it = entries_.find(key); it != entries_.end()) erase(it);
  if (bytes > capacity_bytes_) return;
  while (size_bytes_ + bytes > capacity_bytes_) erase(entries_.find(recency_.back()));
  recency_.push_front(key);
  entries_.emplace(key, Entry{version, std::move(cached), bytes, recency_.begin()});
  size_bytes_ += bytes;
}

std::size_t PageCache::size_bytes() const {
  std::lock_guard lock{mutex_};
  return size_bytes_;
}

void PageCache::erase(std::unordered_map<std::string, Entry>::iterator entry) {
  size_bytes_ -= entry->second.bytes;
  recency_.erase(entry->second.recency);
  entries_.erase(entry);
}

}  // namespace vka::api
