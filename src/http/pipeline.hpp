#pragma once
// Everything between the socket and a handler: request ids, trace context, CORS, routing,
// error mapping to envelopes, ETag/304, compression, access log and HTTP metrics.
#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "http/api_error.hpp"
#include "http/message.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"

namespace vka::http {

struct PipelineOptions {
  std::vector<std::string> cors_origins;  // exact origins allowed to call the API from a browser; "*" allows any
};

class Pipeline {
 public:
  Pipeline(const Router& router, Metrics& metrics, PipelineOptions options);

  // Runs on the blocking pool; never throws.
  Response handle(Request& request) const;
  // For failures the server detects itself (oversized or malformed requests).
  Response reject(Request& request, const ApiError& error) const;
  // The body limit for a request whose header arrived (the route's own, else `fallback`).
  std::size_t max_body_bytes(std::string_view method, std::string_view path, std::size_t fallback) const;
  // After the last byte was written (or the connection failed): access log line and metrics.
  void record(const Request& request, int status, std::size_t bytes, std::chrono::steady_clock::duration took) const;

 private:
  Response dispatch(Request& request) const;
  void finish(const Request& request, Response& response) const;
  bool origin_allowed(const Request& request) const;
  void apply_cors(const Request& request, Response& response) const;

  const Router& router_;
  Metrics& metrics_;
  PipelineOptions options_;
};

}  // namespace vka::http
