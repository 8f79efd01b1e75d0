#pragma once
// Everything between the socket and a handler: request ids, trace context, CORS, routing,
// error mapping to envelopes, ETag/304, compression, access log and HTTP metrics.
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "http/api_error.hpp"
#include "http/gate.hpp"
#include "http/message.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"

namespace vka::http {

struct PipelineOptions {
  // Exact origins allowed to call the API from a browser, with credentials; "*" lets any origin
  // read answers, without credentials.
  std::vector<std::string> cors_origins;
  const Gate* gate = nullptr;  // none: every request is admitted
};

// What the server does with a request whose header arrived.
struct Admission {
  std::optional<Response> refusal;  // answer this and close, without reading the body
  std::shared_ptr<void> hold;       // kept until the response has been sent
  Cost cost = Cost::cheap;
};

class Pipeline {
 public:
  Pipeline(const Router& router, Metrics& metrics, PipelineOptions options);

  // On the header alone (no body yet): unknown routes, missing credentials and exceeded limits are
  // answered here, so that they never cost more than their header. Runs on the blocking pool.
  Admission admit(Request& request) const;
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
