#include "vk/vk_client.hpp"

#include <openssl/evp.h>

#include <exception>

#include "vk/execute.hpp"

namespace vka::vk {

std::string AccessToken::fingerprint() const {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(value_.data(), value_.size(), digest, &size, EVP_sha256(), nullptr);
  static constexpr char hex[] = "0123456789abcdef";
  std::string text;
  for (unsigned int i = 0; i < size; ++i) {
    text += hex[digest[i] >> 4];
    text += hex[digest[i] & 0xf];
  }
  return text;
}

VkClient::VkClient(HttpTransport& transport, Pacer& pacer, AccessToken token, VkClientOptions options)
    : transport_(transport), pacer_(pacer), token_(std::move(token)), options_(std::move(options)) {}

domain::Result<Success, VkFailure> VkClient::call(const Request& request, std::string_view task_key) {
  const std::string url = method_url(options_.base_url, request);
  const std::string body = form_body(request, token_.reveal(), options_.version);
  try {
    pacer_.acquire(task_key);
  } catch (const std::exception& error) {
    // The send could not be booked where the other processes see it (the database is down): not sent.
    return domain::unexpected(VkFailure{ErrorAction::retry_backoff,
                                        "vk_send_not_booked",
                                        std::string("the request was not sent: ") + error.what(),
                                        {},
                                        {},
                                        {}});
  }
  auto response = transport_.post(url, body);
  if (!response) return domain::unexpected(failure_from(response.error()));
  if (response->status < 200 || response->status > 299)
    return domain::unexpected(failure_from_http_status(response->status));
  auto envelope = parse_envelope(response->body);
  if (!envelope) return domain::unexpected(failure_from(envelope.error()));
  if (auto* error = std::get_if<ApiError>(&*envelope)) return domain::unexpected(failure_from(*error));
  return std::get<Success>(std::move(*envelope));
}

domain::Result<std::vector<CallOutcome>, VkFailure> VkClient::execute(std::span<const Request> calls,
                                                                      std::string_view task_key) {
  auto success = call(execute_request(calls), task_key);
  if (!success) return domain::unexpected(std::move(success).error());
  auto outcomes = split_execute(*success, calls.size());
  if (!outcomes) return domain::unexpected(failure_from(outcomes.error()));
  return std::move(outcomes).value();
}

}  // namespace vka::vk
