// The response envelope (docs/vk-api.md §2): {"response": ...} with optional execute_errors, or {"error": {...}}.
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/stream_parser.hpp>
#include <limits>

#include "vk/json_reader.hpp"
#include "vk/parse.hpp"

namespace vka::vk {

using namespace detail;

std::string ParseError::to_string() const { return path.empty() ? problem : path + ": " + problem; }

Payload::Payload(std::shared_ptr<const boost::json::value> document, const boost::json::value& node, std::string path)
    : document_(std::move(document)), node_(&node), path_(std::move(path)) {}

Payload Payload::child(const boost::json::value& node, std::string path) const {
  return Payload(document_, node, std::move(path));
}

namespace {

ApiError parse_api_error(const json::value& v, const Where& where) {
  const json::object& o = object_at(v, where);
  ApiError error;
  const std::int64_t code = req_int(o, "error_code", where);
  if (code < 0 || code > std::numeric_limits<int>::max()) fail(where.field("error_code"), "error code out of range");
  error.code = static_cast<int>(code);
  error.message = opt_string(o, "error_msg", where).value_or("");
  if (auto sub = opt_int(o, "error_subcode", where)) error.subcode = static_cast<int>(*sub);
  error.method = opt_string(o, "method", where);
  if (const json::value* sid = optional(o, "captcha_sid"))
    error.captcha_sid = text_at(*sid, where.field("captcha_sid"));
  error.captcha_img = opt_string(o, "captcha_img", where);
  error.redirect_uri = opt_string(o, "redirect_uri", where);
  error.confirmation_text = opt_string(o, "confirmation_text", where);
  return error;
}

domain::Result<std::shared_ptr<const json::value>, ParseError> parse_document(std::string_view body) {
  json::parse_options options;
  options.max_depth = 64;
  json::stream_parser parser(json::storage_ptr(), options);
  parser.reset(json::make_shared_resource<json::monotonic_resource>());
  boost::system::error_code ec;
  const std::size_t used = parser.write(body.data(), body.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) {
    return domain::unexpected(
        ParseError{"", "invalid JSON at byte " + std::to_string(used) + ": " + ec.message(), true});
  }
  return std::make_shared<const json::value>(parser.release());
}

}  // namespace

domain::Result<Envelope, ParseError> parse_envelope(std::string_view body) {
  auto document = parse_document(body);
  if (!document) return domain::unexpected(std::move(document).error());
  std::shared_ptr<const json::value> root = std::move(document).value();
  return guarded([&]() -> Envelope {
    const std::string top;
    const Where where(top);
    const json::object& o = object_at(*root, where);
    if (const json::value* error = optional(o, "error")) return parse_api_error(*error, where.field("error"));
    const json::value& response = required(o, "response", where);
    Success success{Payload(root, response, "response"), {}};
    success.execute_errors = opt_array_of<ApiError>(
        o, "execute_errors", where, [](const json::value& item, const Where& at) { return parse_api_error(item, at); });
    return success;
  });
}

}  // namespace vka::vk
