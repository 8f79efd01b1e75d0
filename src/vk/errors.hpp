#pragma once
// What the collector does about each failure of a VK call (docs/vk-api.md §7), with a stable
// snake_case code for task errors and a human message. Messages never contain secrets.
#include <optional>
#include <string>
#include <string_view>

#include "vk/parse.hpp"
#include "vk/transport.hpp"

namespace vka::vk {

enum class ErrorAction {
  retry_backoff,     // transient: retry with exponential backoff, feeds the circuit breaker
  wait_rate,         // error 6: wait for the pacer window, retry
  flood_backoff,     // error 9: back off for minutes, retry
  skip_record,       // this item cannot be read: skip it and record the error
  retire_token,      // the token is unusable until a human fixes it
  park_token,        // captcha: set the token aside and alert
  quota,             // error 29: this method is exhausted on this token until reset
  wrong_token_type,  // error 27/28: this token type cannot call this method
  smaller_batch,     // error 13/36: retry the execute batch with fewer calls
  fail,              // a bug on our side: fail the request or job
};

std::string_view to_string(ErrorAction action);

struct ErrorClass {
  ErrorAction action;
  std::string_view code;     // stable snake_case, e.g. "vk_access_denied"
  std::string_view message;  // human description
};

// Unknown codes map to skip_record with code "vk_error" so collection continues and the error shows up.
ErrorClass classify_api_error(int vk_error_code);
// 5xx and 429 are transient; other non-2xx statuses mean VK did not understand us.
ErrorClass classify_http_status(int status);
// Invalid JSON (truncated body) is transient; valid JSON of the wrong shape is not.
ErrorClass classify_parse_error(const ParseError& error);

// A classified failure of one VK call, ready for a task error.
struct VkFailure {
  ErrorAction action = ErrorAction::fail;
  std::string code;
  std::string message;
  std::optional<int> vk_error_code;
  std::optional<int> http_status;
  std::optional<ApiError> api_error;  // captcha_sid, redirect_uri, ... when VK sent an error
};

VkFailure failure_from(const ApiError& error);
VkFailure failure_from_http_status(int status);
VkFailure failure_from(const ParseError& error);
// Timeouts and network faults are transient; an oversized body asks for a smaller batch.
VkFailure failure_from(const TransportError& error);

}  // namespace vka::vk
