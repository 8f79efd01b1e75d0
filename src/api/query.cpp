#include "api/query.hpp"

#include <boost/url/parse_query.hpp>

#include <charconv>

#include "http/api_error.hpp"

namespace vka::api {

QueryParams::QueryParams(const http::Request& request) {
  if (request.query.empty()) return;
  const auto parsed = boost::urls::parse_query(request.query);
  if (!parsed) throw http::validation_failed("The query string is malformed.");
  boost::urls::encoding_opts form_encoding;
  form_encoding.space_as_plus = true;
  for (const auto& param : *parsed) {
    auto key = param.key.decode(form_encoding);
    if (key.empty()) continue;
    auto value = param.has_value ? param.value.decode(form_encoding) : std::string{};
    if (!values_.emplace(key, std::move(value)).second)
      throw http::validation_failed("Query parameter '" + key + "' is given more than once.",
                                    {{key, "given more than once"}});
  }
}

std::optional<std::string_view> QueryParams::get(std::string_view name) const {
  const auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return std::string_view{it->second};
}

int QueryParams::limit() const {
  const auto text = get("limit");
  if (!text) return default_page_limit;
  int limit = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), limit);
  if (error != std::errc{} || end != text->data() + text->size() || limit < 1 || limit > max_page_limit)
    throw http::validation_failed("limit must be an integer from 1 to 1000.",
                                  {{"limit", "must be an integer from 1 to 1000"}});
  return limit;
}

std::optional<domain::CursorPosition> QueryParams::cursor(std::string_view scope) const {
  const auto text = get("cursor");
  if (!text || text->empty()) return std::nullopt;
  auto decoded = domain::decode_cursor(scope, *text);
  if (!decoded)
    throw http::validation_failed("cursor is not one this listing gave out.", {{"cursor", decoded.error()}});
  return std::move(decoded).value();
}

}  // namespace vka::api
