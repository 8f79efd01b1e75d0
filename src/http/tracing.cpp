#include "http/tracing.hpp"

#include <algorithm>
#include <random>

namespace vka::http {

namespace {

bool is_lower_hex(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool all_zero(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == '0'; });
}

}  // namespace

std::string random_hex(std::size_t bytes) {
  static constexpr char digits[] = "0123456789abcdef";
  thread_local std::mt19937_64 engine{std::random_device{}()};
  std::string out;
  out.reserve(bytes * 2);
  for (std::size_t i = 0; i < bytes; ++i) {
    const auto byte = static_cast<unsigned>(engine() & 0xff);
    out.push_back(digits[byte >> 4]);
    out.push_back(digits[byte & 0xf]);
  }
  return out;
}

bool is_valid_request_id(std::string_view id) {
  return !id.empty() && id.size() <= 128 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '-' || c == ':';
  });
}

std::string new_request_id() { return random_hex(16); }

std::string TraceContext::header() const { return "00-" + trace_id + "-" + parent_id + "-" + flags; }

TraceContext continue_trace(std::optional<std::string_view> traceparent) {
  TraceContext context{random_hex(16), random_hex(8), "00"};
  if (!traceparent) return context;
  const auto text = *traceparent;
  // version "00" is exactly 55 characters; later versions may append fields after a '-'.
  if (text.size() < 55 || text[2] != '-' || text[35] != '-' || text[52] != '-') return context;
  if (text.size() > 55 && (text.substr(0, 2) == "00" || text[55] != '-')) return context;
  const auto version = text.substr(0, 2), trace = text.substr(3, 32), parent = text.substr(36, 16),
             flags = text.substr(53, 2);
  if (!is_lower_hex(version) || version == "ff" || !is_lower_hex(trace) || all_zero(trace) || !is_lower_hex(parent) ||
      all_zero(parent) || !is_lower_hex(flags))
    return context;
  context.trace_id = std::string{trace};
  context.flags = std::string{flags};
  return context;
}

}  // namespace vka::http
