#pragma once
// Strict reading of JSON request bodies: the right media type, valid JSON, an object,
// no unknown members, and typed getters that report problems by field name.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/api_error.hpp"
#include "http/message.hpp"

namespace vka::api {

// 415 unless the body is application/json; 400 unless it is a JSON object with only `allowed` members.
boost::json::object read_json_object(const http::Request& request, std::initializer_list<std::string_view> allowed);

// Collects every problem of one body so that the client sees them all at once.
class FieldProblems {
 public:
  void add(std::string field, std::string problem) { details_.push_back({std::move(field), std::move(problem)}); }
  bool empty() const { return details_.empty(); }
  // Throws 400 validation_failed with every problem, if there is any.
  void throw_if_any(std::string_view message = "The request body is not valid.") const;

  // nullopt, with the problem noted, when the field is missing, null or not a string.
  std::optional<std::string_view> required_string(const boost::json::object& body, std::string_view field);
  std::optional<std::string> optional_string(const boost::json::object& body, std::string_view field,
                                             std::size_t max_length);
  std::optional<std::int64_t> optional_integer(const boost::json::object& body, std::string_view field,
                                               std::int64_t min, std::int64_t max);
  std::optional<bool> optional_bool(const boost::json::object& body, std::string_view field);

 private:
  std::vector<http::ErrorDetail> details_;
};

}  // namespace vka::api
