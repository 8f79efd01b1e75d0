#include "api/newest_first_cursor.hpp"

#include "http/api_error.hpp"

namespace vka::api {

std::optional<NewestFirstPosition> read_newest_first_cursor(const QueryParams& query, std::string_view scope) {
  const auto cursor = query.cursor(scope);
  if (!cursor) return std::nullopt;
  const auto* seconds = cursor->size() == 2 ? std::get_if<std::int64_t>(&(*cursor)[0]) : nullptr;
  const auto* id = cursor->size() == 2 ? std::get_if<std::string>(&(*cursor)[1]) : nullptr;
  if (!seconds || !id) throw http::validation_failed("cursor is not one this listing gave out.");
  return NewestFirstPosition{domain::from_unix(*seconds), *id};
}

boost::json::value next_cursor_json(std::string_view scope, const std::optional<NewestFirstPosition>& next) {
  if (!next) return nullptr;
  return boost::json::value(domain::encode_cursor(scope, {domain::to_unix(next->created_at), next->id}));
}

}  // namespace vka::api
