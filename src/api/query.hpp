#pragma once
// Query-string parameters of list endpoints: decoding, limit and cursor rules of the contract.
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "domain/cursor.hpp"
#include "http/message.hpp"

namespace vka::api {

class QueryParams {
 public:
  // 400 when the query string is malformed or names a parameter twice.
  explicit QueryParams(const http::Request& request);

  std::optional<std::string_view> get(std::string_view name) const;
  // ?limit= 1..1000, default 50; 400 otherwise.
  int limit() const;
  // ?cursor= decoded for `scope`; nullopt when absent or empty; 400 when garbage.
  std::optional<domain::CursorPosition> cursor(std::string_view scope) const;

 private:
  std::map<std::string, std::string, std::less<>> values_;
};

inline constexpr int default_page_limit = 50;
inline constexpr int max_page_limit = 1000;

}  // namespace vka::api
