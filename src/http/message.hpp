#pragma once
// HTTP messages as plain values, so that handlers and middleware never see Beast.
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vka::http {

// Header fields in arrival order; names compare case-insensitively.
class Headers {
 public:
  std::optional<std::string_view> get(std::string_view name) const;
  void set(std::string_view name, std::string value);  // replaces every field of that name
  void add(std::string_view name, std::string value);
  void remove(std::string_view name);
  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

bool iequals(std::string_view a, std::string_view b);
// Without the spaces and tabs around it (header values, header parameters).
std::string_view trim_blanks(std::string_view text);

struct Request {
  std::string method;  // upper case, e.g. "GET"
  std::string target;  // as received: path + "?" + query
  std::string path;    // percent-decoded path
  std::string query;   // raw query string without "?"
  Headers headers;
  std::string body;
  std::string remote_address;

  // Filled in by the pipeline before the handler runs.
  std::string request_id;
  std::string route;  // the matched pattern, e.g. "/api/v1/tasks/{id}"; "" when none matched
  std::map<std::string, std::string, std::less<>> path_params;

  std::string_view path_param(std::string_view name) const;
};

// Produces a response body piece by piece (exports, Server-Sent Events). Called on the
// blocking pool, one call at a time; returns nullopt when the body is complete. An empty
// chunk means "nothing yet": the server asks again after poll_interval() without holding a
// thread meanwhile. A stream also ends when the server shuts down.
class BodyStream {
 public:
  virtual ~BodyStream() = default;
  virtual std::optional<std::string> next_chunk() = 0;
  virtual std::chrono::milliseconds poll_interval() const { return std::chrono::milliseconds{250}; }
};

struct Response {
  int status = 200;
  Headers headers;
  std::string body;
  // What the ETag is computed from when the body also holds per-request parts (the request id
  // of an envelope); empty means the body itself.
  std::string entity;
  std::string etag;  // known ahead (a cached page): then neither entity nor body is hashed
  // The gzip encoding of body, when there is a faster way to it than compressing body whole (a cached page).
  std::function<std::string()> gzip;
  std::shared_ptr<BodyStream> stream;  // when set, `body` is ignored and the body is sent chunked
};

}  // namespace vka::http
