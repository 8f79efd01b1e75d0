#include "http/query_names.hpp"

#include <fmt/format.h>
#include <boost/url/parse_query.hpp>

#include <algorithm>

#include "http/api_error.hpp"

namespace vka::http {

void check_query_names(std::string_view query, const std::vector<std::string>& allowed) {
  if (query.empty()) return;
  const auto parsed = boost::urls::parse_query(query);
  if (!parsed) return;
  boost::urls::encoding_opts form_encoding;
  form_encoding.space_as_plus = true;
  const std::string allowed_text = allowed.empty() ? "none" : fmt::format("{}", fmt::join(allowed, ", "));
  std::vector<ErrorDetail> unknown;
  for (const auto& param : *parsed) {
    auto name = param.key.decode(form_encoding);
    if (name.empty() || std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
    unknown.push_back({std::move(name), "is not a query parameter of this route; allowed: " + allowed_text});
  }
  if (unknown.empty()) return;
  throw validation_failed(allowed.empty() ? "This route takes no query parameters."
                                          : "Unknown query parameter; this route takes: " + allowed_text + ".",
                          std::move(unknown));
}

}  // namespace vka::http
