#pragma once
// Computed analytics per (task, filter), reused until the task's data changes: the version is
// derived from the task's progress and status, which every page write moves.
#include <boost/json/object.hpp>

#include <functional>
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>

#include "store/results_repository.hpp"

namespace vka::api {

// The cache key of analytics over `filter` listing `top_keywords` keywords, and `community_keywords` for each
// community: every field of the filter counts, so two selections never share an entry.
std::string analytics_cache_key(const store::CommentFilter& filter, std::size_t top_keywords,
                                std::size_t community_keywords);

class AnalyticsCache {
 public:
  explicit AnalyticsCache(std::size_t capacity = 256) : capacity_(capacity) {}

  // The cached value for key when its version matches, else compute() stored under that version.
  boost::json::object get(const std::string& key, const std::string& version,
                          const std::function<boost::json::object()>& compute);

 private:
  struct Entry {
    std::string version;
    boost::json::object value;
    std::list<std::string>::iterator recency;
  };
  std::size_t capacity_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::list<std::string> recency_;  // most recently used first
};

}  // namespace vka::api
