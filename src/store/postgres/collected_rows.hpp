#pragma once
// Idempotent upserts of collected rows by their VK ids: a repeated write leaves one row holding the latest
// values. A page goes in one statement per table: its rows travel as arrays and are expanded by unnest(),
// which keeps a page at a few round trips whatever its size. Rows that already hold the same values are not
// rewritten, so a replayed page leaves no dead row versions behind.
#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "domain/collected.hpp"
#include "domain/time.hpp"
#include "store/postgres/connection.hpp"

namespace vka::store::postgres {

void upsert_community(Connection& connection, const domain::Community& community, domain::Timestamp at);
void upsert_authors(Connection& connection, const std::vector<domain::Author>& authors, domain::Timestamp at);
void upsert_posts(Connection& connection, const std::vector<domain::Post>& posts);
// Their posts must be stored first.
void upsert_comments(Connection& connection, const std::vector<domain::Comment>& comments);

// The last of the rows sharing a key, in key order. One statement may not update a row twice, and taking
// row locks in key order keeps concurrent pages from deadlocking.
template <class Row, class Key>
std::vector<const Row*> latest_by_key(const std::vector<Row>& rows, Key key) {
  std::map<decltype(key(rows.front())), const Row*> by_key;
  for (const Row& row : rows) by_key[key(row)] = &row;
  std::vector<const Row*> latest;
  latest.reserve(by_key.size());
  for (const auto& entry : by_key) latest.push_back(entry.second);
  return latest;
}

inline std::pair<std::int64_t, std::int64_t> post_key(const domain::Post& post) { return {post.owner_id, post.id}; }

}  // namespace vka::store::postgres
