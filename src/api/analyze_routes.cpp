#include <fmt/format.h>
#include <boost/json/array.hpp>

#include "api/analysis_json.hpp"
#include "api/authenticated.hpp"
#include "api/json_input.hpp"
#include "api/routes.hpp"
#include "http/envelope.hpp"

namespace vka::api {

namespace {

constexpr std::size_t max_texts = 1000;
constexpr std::size_t max_text_bytes = 64 * 1024;
// 1000 texts of 64 KiB, with room for JSON escaping.
constexpr std::size_t max_analyze_body_bytes = 96 * 1024 * 1024;

std::vector<std::string_view> read_texts(const boost::json::object& body) {
  FieldProblems problems;
  const auto* texts = body.if_contains("texts");
  if (!texts || !texts->is_array() || texts->get_array().empty() || texts->get_array().size() > max_texts) {
    problems.add("texts", fmt::format("must be an array of 1 to {} strings", max_texts));
    problems.throw_if_any();
  }
  std::vector<std::string_view> result;
  const auto& items = texts->get_array();
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!items[i].is_string())
      problems.add(fmt::format("texts[{}]", i), "must be a string");
    else if (items[i].get_string().size() > max_text_bytes)
      problems.add(fmt::format("texts[{}]", i), "must be at most 64 KiB of UTF-8");
    else
      result.emplace_back(items[i].get_string());
  }
  problems.throw_if_any();
  return result;
}

http::Response analyze(Services& services, http::Request& request, const auth::Principal&) {
  const auto body = read_json_object(request, {"texts"});
  boost::json::array results;
  for (const auto text : read_texts(body)) results.push_back(analysis_to_json(services.analyzer.analyze(text)));
  return http::envelope(request, 200, std::move(results));
}

}  // namespace

void add_analyze_routes(http::Router& router, Services& services) {
  router.add("POST", "/api/v1/analyze", authenticated(services, analyze, http::Cost::expensive),
             max_analyze_body_bytes);
}

}  // namespace vka::api
