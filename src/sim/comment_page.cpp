#include "sim/comment_page.hpp"

#include <algorithm>

namespace vka::sim {

PageRange select_page(std::span<const std::int64_t> ids, bool descending, const PageQuery& query) {
  const auto size = static_cast<std::int64_t>(ids.size());
  std::int64_t anchor = 0;
  if (query.start_comment_id && size > 0) {
    const auto start = *query.start_comment_id;
    if (descending) {
      const auto it = std::find_if(ids.begin(), ids.end(), [&](std::int64_t id) { return id <= start; });
      anchor = it == ids.end() ? size - 1 : it - ids.begin();
    } else {
      const auto it = std::upper_bound(ids.begin(), ids.end(), start);
      anchor = it == ids.begin() ? 0 : (it - ids.begin()) - 1;
    }
  }
  const auto first = anchor + query.offset;
  const auto begin = std::clamp<std::int64_t>(first, 0, size);
  const auto end = std::clamp<std::int64_t>(first + query.count, 0, size);
  if (end <= begin) return {};
  return {static_cast<std::size_t>(begin), static_cast<std::size_t>(end)};
}

}  // namespace vka::sim
