#include "api/json_input.hpp"

#include <fmt/format.h>
#include <boost/json/parse.hpp>

#include <algorithm>

namespace vka::api {

boost::json::object read_json_object(const http::Request& request, std::initializer_list<std::string_view> allowed) {
  const auto content_type = request.headers.get("Content-Type").value_or("");
  auto media_type = content_type.substr(0, content_type.find(';'));
  // RFC 9110 §8.3.1 allows whitespace before the ';' of a parameter.
  while (!media_type.empty() && (media_type.back() == ' ' || media_type.back() == '\t')) media_type.remove_suffix(1);
  if (!http::iequals(media_type, "application/json"))
    throw http::unsupported_media_type("Send the body as application/json.");
  boost::system::error_code error;
  auto value = boost::json::parse(request.body, error);
  if (error) throw http::validation_failed("The body is not valid JSON: " + error.message() + ".");
  if (!value.is_object()) throw http::validation_failed("The body must be a JSON object.");
  auto object = std::move(value.as_object());
  FieldProblems problems;
  for (const auto& member : object)
    if (std::find(allowed.begin(), allowed.end(), member.key()) == allowed.end())
      problems.add(std::string{member.key()}, "unknown field");
  problems.throw_if_any("The body has fields this endpoint does not know.");
  return object;
}

void FieldProblems::throw_if_any(std::string_view message) const {
  if (!details_.empty()) throw http::validation_failed(std::string{message}, details_);
}

std::optional<std::string_view> FieldProblems::required_string(const boost::json::object& body,
                                                               std::string_view field) {
  const auto* value = body.if_contains(field);
  if (!value || value->is_null()) {
    add(std::string{field}, "is required");
    return std::nullopt;
  }
  if (!value->is_string()) {
    add(std::string{field}, "must be a string");
    return std::nullopt;
  }
  return std::string_view{value->get_string()};
}

std::optional<std::string> FieldProblems::optional_string(const boost::json::object& body, std::string_view field,
                                                          std::size_t max_length) {
  const auto* value = body.if_contains(field);
  if (!value || value->is_null()) return std::nullopt;
  if (!value->is_string()) {
    add(std::string{field}, "must be a string or null");
    return std::nullopt;
  }
  const auto& text = value->get_string();
  if (text.size() > max_length) {
    add(std::string{field}, fmt::format("must be at most {} bytes long", max_length));
    return std::nullopt;
  }
  return std::string{text};
}

std::optional<std::int64_t> FieldProblems::optional_integer(const boost::json::object& body, std::string_view field,
                                                            std::int64_t min, std::int64_t max) {
  const auto* value = body.if_contains(field);
  if (!value || value->is_null()) return std::nullopt;
  std::optional<std::int64_t> number;
  if (value->is_int64()) number = value->get_int64();
  if (value->is_uint64() && value->get_uint64() <= static_cast<std::uint64_t>(max)) number = value->get_uint64();
  if (!number || *number < min || *number > max) {
    add(std::string{field}, fmt::format("must be an integer from {} to {}", min, max));
    return std::nullopt;
  }
  return number;
}

std::optional<bool> FieldProblems::optional_bool(const boost::json::object& body, std::string_view field) {
  const auto* value = body.if_contains(field);
  if (!value || value->is_null()) return std::nullopt;
  if (!value->is_bool()) {
    add(std::string{field}, "must be true or false");
    return std::nullopt;
  }
  return value->get_bool();
}

}  // namespace vka::api
