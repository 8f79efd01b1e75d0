#include "vk/errors.hpp"

#include <array>

namespace vka::vk {

namespace {

struct KnownError {
  int code;
  ErrorClass error;
};

using enum ErrorAction;

constexpr std::array kKnownErrors{
    KnownError{1, {retry_backoff, "vk_unknown_error", "VK reported an unknown error"}},
    KnownError{2, {retire_token, "vk_app_disabled", "the VK application of this token is disabled"}},
    KnownError{3, {fail, "vk_unknown_method", "VK does not know the called method"}},
    KnownError{5, {retire_token, "vk_auth_failed", "the VK token is invalid, expired or revoked"}},
    KnownError{6, {wait_rate, "vk_too_many_requests", "too many requests per second for this token"}},
    KnownError{7, {skip_record, "vk_permission_denied", "permission to perform this action is denied"}},
    KnownError{8, {fail, "vk_invalid_request", "VK rejected the request as invalid"}},
    KnownError{9, {flood_backoff, "vk_flood_control", "VK flood control: too many identical requests"}},
    KnownError{10, {retry_backoff, "vk_internal_error", "VK internal server error"}},
    KnownError{12, {fail, "vk_execute_compile_error", "the execute script does not compile"}},
    KnownError{13, {smaller_batch, "vk_execute_runtime_error", "the execute script failed while running"}},
    KnownError{14, {park_token, "vk_captcha_needed", "VK demands a captcha for this token"}},
    KnownError{15,
               {skip_record, "vk_access_denied", "access denied (members only, wall disabled or community blocked)"}},
    KnownError{17, {retire_token, "vk_validation_required", "VK requires validation of the token's user"}},
    KnownError{18, {skip_record, "vk_user_deleted", "the user was deleted or banned"}},
    KnownError{19, {skip_record, "vk_content_blocked", "the content is blocked"}},
    KnownError{23, {fail, "vk_method_disabled", "the method is disabled"}},
    KnownError{27, {wrong_token_type, "vk_group_auth_failed", "a community token cannot call this method"}},
    KnownError{28, {wrong_token_type, "vk_app_auth_failed", "this token type cannot call this method"}},
    KnownError{29, {quota, "vk_rate_limit_reached", "the method's quota for this token is used up"}},
    KnownError{30, {skip_record, "vk_private", "the profile is private"}},
    KnownError{36, {smaller_batch, "vk_execute_timeout", "the execute script was interrupted by timeout"}},
    KnownError{100, {skip_record, "vk_invalid_parameter", "a parameter is missing or invalid"}},
    KnownError{104, {skip_record, "vk_not_found", "not found"}},
    KnownError{113, {skip_record, "vk_invalid_user_id", "invalid user id"}},
    KnownError{125, {skip_record, "vk_invalid_group_id", "invalid community id"}},
    KnownError{203, {skip_record, "vk_group_access_denied", "access to the community is denied"}},
    KnownError{210, {skip_record, "vk_post_access_denied", "access to the wall post is denied"}},
    KnownError{211, {skip_record, "vk_comment_access_denied", "access to the wall comment is denied"}},
    KnownError{212, {skip_record, "vk_comments_closed", "access to the post's comments is denied"}},
    KnownError{801, {skip_record, "vk_video_comments_closed", "comments for this video are closed"}},
    KnownError{1117, {retire_token, "vk_token_expired", "the VK token has expired"}},
    KnownError{3609, {retire_token, "vk_token_extension_required", "the VK token needs to be extended"}},
    KnownError{3610, {retire_token, "vk_user_deactivated", "the token's user is deactivated"}},
};

}  // namespace

std::string_view to_string(ErrorAction action) {
  switch (action) {
    case retry_backoff: return "retry_backoff";
    case wait_rate: return "wait_rate";
    case flood_backoff: return "flood_backoff";
    case skip_record: return "skip_record";
    case retire_token: return "retire_token";
    case park_token: return "park_token";
    case quota: return "quota";
    case wrong_token_type: return "wrong_token_type";
    case smaller_batch: return "smaller_batch";
    case fail: return "fail";
  }
  return "unknown";
}

ErrorClass classify_api_error(int vk_error_code) {
  for (const KnownError& known : kKnownErrors) {
    if (known.code == vk_error_code) return known.error;
  }
  return {skip_record, "vk_error", "VK returned an error this service does not know"};
}

ErrorClass classify_http_status(int status) {
  if (status >= 500 || status == 429)
    return {retry_backoff, "vk_http_unavailable", "VK answered with a server error status"};
  return {fail, "vk_http_rejected", "VK answered with an unexpected HTTP status"};
}

ErrorClass classify_parse_error(const ParseError& error) {
  if (error.syntax) return {retry_backoff, "vk_malformed_response", "VK sent a response that is not valid JSON"};
  return {fail, "vk_unexpected_response", "VK sent a response of an unexpected shape"};
}

VkFailure failure_from(const ApiError& error) {
  const ErrorClass c = classify_api_error(error.code);
  std::string message = "VK error " + std::to_string(error.code) + ": " + std::string(c.message);
  if (!error.message.empty()) message += " (" + error.message + ")";
  return {c.action, std::string(c.code), std::move(message), error.code, std::nullopt, error};
}

VkFailure failure_from_http_status(int status) {
  const ErrorClass c = classify_http_status(status);
  return {
      c.action, std::string(c.code), std::string(c.message) + " (HTTP " + std::to_string(status) + ")", std::nullopt,
      status,   std::nullopt};
}

VkFailure failure_from(const ParseError& error) {
  const ErrorClass c = classify_parse_error(error);
  return {c.action,     std::string(c.code), std::string(c.message) + ": " + error.to_string(),
          std::nullopt, std::nullopt,        std::nullopt};
}

VkFailure failure_from(const TransportError& error) {
  using Kind = TransportError::Kind;
  VkFailure failure;
  switch (error.kind) {
    case Kind::bad_url:
      failure.action = ErrorAction::fail;
      failure.code = "vk_bad_url";
      failure.message = "the VK API URL is unusable: " + error.message;
      break;
    case Kind::too_large:
      failure.action = ErrorAction::smaller_batch;
      failure.code = "vk_response_too_large";
      failure.message = "VK's response is too large: " + error.message;
      break;
    default:
      // The cause as the network stack tells it ("... failed: Connection refused"): tasks show it while waiting.
      failure.action = ErrorAction::retry_backoff;
      failure.code = error.kind == Kind::timeout ? "vk_timeout" : "vk_network_error";
      failure.message = "VK unreachable: " + error.message;
  }
  return failure;
}

}  // namespace vka::vk
