#include "http/api_error.hpp"

namespace vka::http {

ApiError validation_failed(std::string message, std::vector<ErrorDetail> details) {
  return ApiError{400, "validation_failed", std::move(message), std::move(details)};
}
ApiError not_found(std::string message) { return ApiError{404, "not_found", std::move(message)}; }
ApiError conflict(std::string message) { return ApiError{409, "conflict", std::move(message)}; }
ApiError unauthorized(std::string message) {
  ApiError error{401, "unauthorized", std::move(message)};
  error.headers.emplace_back("WWW-Authenticate", "Bearer");
  return error;
}
ApiError forbidden(std::string message) { return ApiError{403, "forbidden", std::move(message)}; }
ApiError unsupported_media_type(std::string message) {
  return ApiError{415, "unsupported_media_type", std::move(message)};
}
ApiError payload_too_large(std::string message) { return ApiError{413, "payload_too_large", std::move(message)}; }
ApiError rate_limited(std::string message, std::chrono::seconds retry_after) {
  ApiError error{429, "rate_limited", std::move(message)};
  error.headers.emplace_back("Retry-After", std::to_string(retry_after.count()));
  return error;
}

}  // namespace vka::http
