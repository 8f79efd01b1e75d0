#include "api/analytics_cache.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <type_traits>

namespace vka::api {

namespace {

std::string part(const auto& value) {
  if (!value) return "-";
  if constexpr (std::is_same_v<std::decay_t<decltype(*value)>, domain::Timestamp>)
    return domain::format_rfc3339(*value);
  else if constexpr (std::is_same_v<std::decay_t<decltype(*value)>, domain::Sentiment>)
    return std::string{domain::to_string(*value)};
  else
    return fmt::format("{}", *value);
}

}  // namespace

// Stems are words, so a space never occurs inside one; every other part is a number, a time or a label.
std::string analytics_cache_key(const store::CommentFilter& f, std::size_t top_keywords,
                                std::size_t community_keywords) {
  return fmt::format("{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}", f.task_id, part(f.group_id), part(f.post_id),
                     part(f.author_id), part(f.sentiment), part(f.since), part(f.until), fmt::join(f.stems, " "),
                     part(f.min_score), part(f.max_score), top_keywords, community_keywords);
}

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
