#pragma once
// Decoding VK API responses: the envelope first (success, API error, execute errors),
// then the method-specific payload into the values of vk/types.hpp.
// Nothing here throws; malformed input yields a ParseError naming the offending JSON path.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/result.hpp"
#include "vk/types.hpp"

namespace boost::json {
class value;
}

namespace vka::vk {

struct ParseError {
  std::string path;     // e.g. "response.items[3].date"; "" for the document itself
  std::string problem;  // e.g. "expected an integer, got a string"
  bool syntax = false;  // not JSON at all (truncated, garbage) rather than an unexpected shape
  std::string to_string() const;
  bool operator==(const ParseError&) const = default;
};

// {"error": {...}} or one entry of execute_errors (docs/vk-api.md §2). request_params is dropped on
// purpose: it echoes what was sent.
struct ApiError {
  int code = 0;
  std::string message;
  std::optional<int> subcode;
  std::optional<std::string> method;  // execute_errors entries name the inner method
  std::optional<std::string> captcha_sid;
  std::optional<std::string> captcha_img;
  std::optional<std::string> redirect_uri;
  std::optional<std::string> confirmation_text;
  bool operator==(const ApiError&) const = default;
};

// A JSON value inside a parsed response, with its path for error messages. Cheap to copy: copies
// share the parsed document.
class Payload {
 public:
  Payload(std::shared_ptr<const boost::json::value> document, const boost::json::value& node, std::string path);
  const boost::json::value& json() const { return *node_; }
  const std::string& path() const { return path_; }
  Payload child(const boost::json::value& node, std::string path) const;

 private:
  std::shared_ptr<const boost::json::value> document_;
  const boost::json::value* node_;
  std::string path_;
};

struct Success {
  Payload response;
  std::vector<ApiError> execute_errors;  // only execute responses carry them
};

using Envelope = std::variant<Success, ApiError>;

domain::Result<Envelope, ParseError> parse_envelope(std::string_view body);

domain::Result<WallPage, ParseError> parse_wall_get(const Payload& response);
domain::Result<PostList, ParseError> parse_wall_get_by_id(const Payload& response);
domain::Result<CommentsPage, ParseError> parse_wall_get_comments(const Payload& response);
domain::Result<std::vector<Group>, ParseError> parse_groups_get_by_id(const Payload& response);
domain::Result<std::optional<ResolvedName>, ParseError> parse_resolve_screen_name(const Payload& response);
domain::Result<std::vector<User>, ParseError> parse_users_get(const Payload& response);

// One inner call of an execute batch: its result, or its error from execute_errors.
using CallOutcome = std::variant<Payload, ApiError>;

// Splits an execute response built by execute_code() (one array element per call, in call order).
// `false` elements are matched, in order, to execute_errors; a `false` with no entry left becomes
// ApiError{1, "...no execute_errors entry"} so the caller retries it.
domain::Result<std::vector<CallOutcome>, ParseError> split_execute(const Success& success, std::size_t calls);

}  // namespace vka::vk
