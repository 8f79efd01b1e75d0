#pragma once
// The cursor of newest-first listings ordered by (created_at, id) descending: the position of the last
// row served, as an opaque string bound to its listing's scope.
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "api/query.hpp"
#include "domain/time.hpp"

namespace vka::api {

struct NewestFirstPosition {
  domain::Timestamp created_at;
  std::string id;
};

// ?cursor= of the listing `scope`; nullopt when absent; 400 when it is not one this listing gave out.
std::optional<NewestFirstPosition> read_newest_first_cursor(const QueryParams& query, std::string_view scope);

// meta.next_cursor: the encoded position, or null on the last page.
boost::json::value next_cursor_json(std::string_view scope, const std::optional<NewestFirstPosition>& next);

}  // namespace vka::api
