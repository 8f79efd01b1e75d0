#pragma once
// Which slice of one comment level wall.getComments returns (docs/vk-api.md §4.3, §8.3).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

namespace vka::sim {

struct PageQuery {
  std::int64_t offset = 0;  // may be negative only with start_comment_id
  std::int64_t count = 10;
  std::optional<std::int64_t> start_comment_id;
};

struct PageRange {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool operator==(const PageRange&) const = default;
};

// `ids` is the level in display order (ascending for sort=asc, descending for desc).
// With start_comment_id the anchor is that comment or, if absent, the nearest earlier one
// (the greatest id below it); offset counts from the anchor, which itself sits at offset 0.
// When no comment is that early, the anchor is the oldest comment.
PageRange select_page(std::span<const std::int64_t> ids, bool descending, const PageQuery& query);

}  // namespace vka::sim
