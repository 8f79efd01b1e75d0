#include "http/pipeline.hpp"

#include <spdlog/spdlog.h>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <fmt/format.h>
#include <algorithm>

#include "domain/time.hpp"
#include "http/compression.hpp"
#include "http/envelope.hpp"
#include "http/etag.hpp"
#include "http/query_names.hpp"
#include "http/tracing.hpp"

namespace vka::http {

namespace {

constexpr std::string_view allowed_request_headers =
    "Authorization, Content-Type, Idempotency-Key, If-None-Match, Last-Event-ID, X-Request-Id, traceparent, "
    "X-CSRF-Token";

// Whether the body sent depends on Accept-Encoding.
bool varies_by_encoding(const Response& response) {
  if (response.stream || response.body.size() < compression_threshold || response.headers.get("Content-Encoding"))
    return false;
  const auto content_type = response.headers.get("Content-Type");
  return content_type && is_compressible(*content_type);
}

void compress(const Request& request, Response& response) {
  if (!varies_by_encoding(response)) return;
  response.headers.add("Vary", "Accept-Encoding");
  const auto encoding = negotiate_encoding(request.headers.get("Accept-Encoding"));
  if (encoding == Encoding::identity) return;
  if (encoding == Encoding::br)
    response.body = brotli_compress(response.body);
  else
    response.body = response.gzip ? response.gzip() : gzip_compress(response.body);
  response.headers.set("Content-Encoding", std::string{to_string(encoding)});
}

// Labels and log fields take the method from a closed set: the raw one is whatever a client sent.
std::string_view method_label(std::string_view method) {
  for (const std::string_view known : {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
    if (method == known) return known;
  return "other";
}

// Headers every answer carries; a credential's answers are never stored by caches, and a page
// that sets no policy of its own gets a strict one.
void apply_security_headers(const Request& request, Response& response) {
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("Referrer-Policy", "no-referrer");
  const auto content_type = response.headers.get("Content-Type");
  if (content_type && content_type->starts_with("text/html") && !response.headers.get("Content-Security-Policy"))
    response.headers.set("Content-Security-Policy",
                         "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                         "frame-ancestors 'none'");
  if ((request.headers.get("Authorization") || request.headers.get("Cookie")) && !response.headers.get("Cache-Control"))
    response.headers.set("Cache-Control", "no-store");
}

void identify(Request& request) {
  const auto incoming = request.headers.get("X-Request-Id");
  request.request_id = incoming && is_valid_request_id(*incoming) ? std::string{*incoming} : new_request_id();
}

}  // namespace

Pipeline::Pipeline(const Router& router, Metrics& metrics, PipelineOptions options)
    : router_(router), metrics_(metrics), options_(std::move(options)) {
  metrics_.describe_counter("vka_http_requests_total", "HTTP requests by route pattern, method and status.");
  metrics_.describe_histogram("vka_http_request_duration_seconds", "HTTP request latency by route pattern.",
                              {0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10});
}

Response Pipeline::handle(Request& request) const {
  identify(request);
  Response response;
  try {
    response = dispatch(request);
  } catch (const ApiError& error) {
    response = error_envelope(request, error);
  } catch (const std::exception& error) {
    spdlog::error("unhandled error in {} {} (request {}): {}", request.method, request.route, request.request_id,
                  error.what());
    response = error_envelope(request, ApiError{500, "internal", "Something went wrong on our side."});
  }
  finish(request, response);
  return response;
}

Admission Pipeline::admit(Request& request) const {
  if (request.method == "OPTIONS" && request.headers.get("Access-Control-Request-Method")) return {};
  const auto match = router_.match(request);
  if (!match.route) return {.refusal = handle(request)};  // 404 or 405: the body is never needed
  Admission admission{.cost = match.route->cost};
  if (!options_.gate) return admission;
  try {
    admission.hold = options_.gate->admit(request, *match.route);
  } catch (const ApiError& error) {
    admission.refusal = reject(request, error);
  } catch (const std::exception& error) {
    spdlog::error("admission of {} {} failed: {}", method_label(request.method), request.route, error.what());
    admission.refusal = reject(request, ApiError{500, "internal", "Something went wrong on our side."});
  }
  return admission;
}

Response Pipeline::reject(Request& request, const ApiError& error) const {
  identify(request);
  auto response = error_envelope(request, error);
  finish(request, response);
  return response;
}

Response Pipeline::dispatch(Request& request) const {
  if (request.method == "OPTIONS" && request.headers.get("Access-Control-Request-Method")) {
    if (!origin_allowed(request)) throw forbidden("This origin may not call the API.");
    auto preflight = no_content();
    preflight.headers.set("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS");
    preflight.headers.set("Access-Control-Allow-Headers", std::string{allowed_request_headers});
    preflight.headers.set("Access-Control-Max-Age", "600");
    return preflight;
  }
  const auto match = router_.match(request);
  if (!match.route) {
    // Neither path nor method is echoed: error messages never repeat request text.
    if (match.allowed_methods.empty()) throw not_found("No route matches this path.");
    ApiError error{405, "method_not_allowed", "This method is not allowed here; Allow lists the ones that are."};
    auto allowed = match.allowed_methods;
    if (std::find(allowed.begin(), allowed.end(), "GET") != allowed.end()) allowed.push_back("HEAD");
    error.headers.emplace_back("Allow", fmt::format("{}", fmt::join(allowed, ", ")));
    throw error;
  }
  if (match.route->query_names) check_query_names(request.query, *match.route->query_names);
  return match.route->handler(request);
}

bool Pipeline::origin_allowed(const Request& request) const {
  const auto origin = request.headers.get("Origin");
  return origin && std::any_of(options_.cors_origins.begin(), options_.cors_origins.end(),
                               [&](const std::string& o) { return o == "*" || o == *origin; });
}

// On every answer, errors included: without these headers the browser hides even an error envelope.
void Pipeline::apply_cors(const Request& request, Response& response) const {
  if (options_.cors_origins.empty()) return;
  // The answer depends on Origin even when this one gets no CORS headers: caches must not
  // hand a response made for one origin (or none) to another.
  response.headers.add("Vary", "Origin");
  if (!origin_allowed(request)) return;
  // "*" lets any page read public answers, but never with the caller's credentials.
  const auto origin = *request.headers.get("Origin");
  const bool listed =
      std::find(options_.cors_origins.begin(), options_.cors_origins.end(), origin) != options_.cors_origins.end();
  response.headers.set("Access-Control-Allow-Origin", listed ? std::string{origin} : std::string{"*"});
  if (listed) response.headers.set("Access-Control-Allow-Credentials", "true");
  response.headers.set("Access-Control-Expose-Headers",
                       "X-Request-Id, ETag, Location, Retry-After, Idempotent-Replayed");
}

void Pipeline::finish(const Request& request, Response& response) const {
  const auto trace = continue_trace(request.headers.get("traceparent"));
  apply_cors(request, response);
  apply_security_headers(request, response);
  response.headers.set("X-Request-Id", request.request_id);
  response.headers.set("traceparent", trace.header());
  if ((request.method == "GET" || request.method == "HEAD") && response.status == 200 && !response.stream) {
    const auto tag =
        !response.etag.empty() ? response.etag : entity_tag(response.entity.empty() ? response.body : response.entity);
    response.headers.set("ETag", tag);
    if (if_none_match_hits(request.headers.get("If-None-Match"), tag)) {
      // RFC 9110 §15.4.5: a 304 carries the Vary that the 200 would have carried.
      if (varies_by_encoding(response)) response.headers.add("Vary", "Accept-Encoding");
      response.status = 304;
      response.body.clear();
      response.headers.remove("Content-Type");
      return;
    }
  }
  compress(request, response);
}

std::size_t Pipeline::max_body_bytes(std::string_view method, std::string_view path, std::size_t fallback) const {
  const auto own = router_.max_body_bytes(method, path);
  return own ? own : fallback;
}

void Pipeline::record(const Request& request, int status, std::size_t bytes,
                      std::chrono::steady_clock::duration took) const {
  const double seconds = std::chrono::duration<double>(took).count();
  const std::string route = request.route.empty() ? "unmatched" : request.route;
  const std::string method{method_label(request.method)};
  metrics_.increment("vka_http_requests_total",
                     {{"route", route}, {"method", method}, {"status", std::to_string(status)}});
  metrics_.observe("vka_http_request_duration_seconds", {{"route", route}}, seconds);
  // Route pattern, never the raw target: paths and query strings may carry secrets.
  const boost::json::object line{{"ts", domain::format_rfc3339_millis(std::chrono::system_clock::now())},
                                 {"level", "info"},
                                 {"msg", "request"},
                                 {"request_id", request.request_id},
                                 {"method", method},
                                 {"route", route},
                                 {"status", status},
                                 {"bytes", bytes},
                                 {"duration_us", std::chrono::duration_cast<std::chrono::microseconds>(took).count()},
                                 {"remote", request.remote_address}};
  if (auto access = spdlog::get("access")) access->info(boost::json::serialize(line));
}

}  // namespace vka::http
