#pragma once
// Request ids (X-Request-Id) and W3C trace context (traceparent).
#include <optional>
#include <string>
#include <string_view>

namespace vka::http {

// 1..128 characters of [A-Za-z0-9._:-]: safe to echo into headers and logs.
bool is_valid_request_id(std::string_view id);
std::string new_request_id();

struct TraceContext {
  std::string trace_id;        // 32 lowercase hex
  std::string parent_id;       // 16 lowercase hex: the span of this request
  std::string flags;           // 2 hex
  std::string header() const;  // "00-<trace>-<span>-<flags>"
};

// Continues the caller's trace when its traceparent is valid, else starts a new one;
// either way this request gets a span id of its own.
TraceContext continue_trace(std::optional<std::string_view> traceparent);

std::string random_hex(std::size_t bytes);

}  // namespace vka::http
