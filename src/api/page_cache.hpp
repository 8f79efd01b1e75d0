#pragma once
// Encoded listing pages of finished tasks, answered again without reading rows, serializing or compressing.
// An entry is only used at the content version it was read at (store::ResultsRepository::content_version,
// kept in the database, so other processes' writes count too): read the version first, then the rows, and a
// write in between only makes the entry older than its version says, never newer, so it is never served
// stale. Each page keeps its task's owner: a page current at the version read is a page of a task unchanged
// since (every change to a task moves the version), so the caller's access is checked without reading the
// task. Bounded in bytes (VKA_PAGE_CACHE_BYTES); the least recently used pages go first.
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "http/encoded_envelope.hpp"

namespace vka::api {

struct CachedPage {
  http::EncodedEnvelope page;
  std::string task_owner;
};

class PageCache {
 public:
  explicit PageCache(std::size_t capacity_bytes) : capacity_bytes_(capacity_bytes) {}

  // Whether a page is kept under key, at whatever version.
  bool holds(const std::string& key) const;
  // The page under key, when it was stored at this very version. One stored at an older version is dropped.
  std::optional<CachedPage> find(const std::string& key, std::int64_t version);
  // Replaces what key held; a page larger than the whole capacity is not kept.
  void store(const std::string& key, std::int64_t version, CachedPage cached);
  std::size_t size_bytes() const;

 private:
  struct Entry {
    std::int64_t version;
    CachedPage cached;
    std::size_t bytes;
    std::list<std::string>::iterator recency;
  };
  void erase(std::unordered_map<std::string, Entry>::iterator entry);

  const std::size_t capacity_bytes_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::list<std::string> recency_;  // most recently used first
  std::size_t size_bytes_ = 0;
};

}  // namespace vka::api
