#include "api/analytics_cache.hpp"

namespace vka::api {

boost::json::object AnalyticsCache::get(const std::string& key, const std::string& version,
                                        const std::function<boost::json::object()>& compute) {
  {
    std::lock_guard lock{mutex_};
    const auto it = entries_.find(key);
    if (it != entries_.end() && it->second.version == version) {
      recency_.splice(recency_.begin(), recency_, it->second.recency);
      return it->second.value;
    }
  }
  auto value = compute();  // outside the lock: computing may take a while
  std::lock_guard lock{mutex_};
  if (const auto it = entries_.find(key); it != entries_.end()) {
    recency_.erase(it->second.recency);
    entries_.erase(it);
  }
  recency_.push_front(key);
  entries_.emplace(key, Entry{version, value, recency_.begin()});
  if (entries_.size() > capacity_) {
    entries_.erase(recency_.back());
    recency_.pop_back();
  }
  return value;
}

}  // namespace vka::api
