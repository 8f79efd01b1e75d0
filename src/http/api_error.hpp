#pragma once
// The one way a handler reports failure: thrown, then mapped to the contract's envelope.
#include <chrono>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace vka::http {

struct ErrorDetail {
  std::string field;
  std::string problem;
};

class ApiError : public std::runtime_error {
 public:
  ApiError(int status, std::string code, std::string message, std::vector<ErrorDetail> details = {})
      : std::runtime_error(message), status_(status), code_(std::move(code)), details_(std::move(details)) {}

  int status() const { return status_; }
  const std::string& code() const { return code_; }
  const std::vector<ErrorDetail>& details() const { return details_; }
  // Extra response headers (Allow, Retry-After, WWW-Authenticate).
  std::vector<std::pair<std::string, std::string>> headers;

 private:
  int status_;
  std::string code_;
  std::vector<ErrorDetail> details_;
};

ApiError validation_failed(std::string message, std::vector<ErrorDetail> details = {});
ApiError not_found(std::string message = "The resource does not exist.");
ApiError conflict(std::string message);
ApiError unauthorized(std::string message = "Sign in, or send an API key as 'Authorization: Bearer <API key>'.");
ApiError forbidden(std::string message = "Your role does not allow this.");
ApiError unsupported_media_type(std::string message);
ApiError payload_too_large(std::string message);
// 429 with Retry-After.
ApiError rate_limited(std::string message, std::chrono::seconds retry_after);

}  // namespace vka::http
