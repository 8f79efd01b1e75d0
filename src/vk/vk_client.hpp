#pragma once
// One VK API call for one token: pace → POST → decode the envelope → classify failures.
// It never retries; callers decide from VkFailure::action (vk/errors.hpp, vk/retry.hpp).
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vk/errors.hpp"
#include "vk/pacer.hpp"
#include "vk/parse.hpp"
#include "vk/request.hpp"
#include "vk/transport.hpp"

namespace vka::vk {

// A VK access token held in memory only. It has no way to be printed; reveal() is for the request body.
class AccessToken {
 public:
  explicit AccessToken(std::string value) : value_(std::move(value)) {}
  std::string_view reveal() const { return value_; }
  // A stable name for the token that does not reveal it (hex of its SHA-256): how processes sharing the
  // token find its bookings.
  std::string fingerprint() const;

 private:
  std::string value_;
};

struct VkClientOptions {
  std::string base_url = "https://api.vk.ru/method";  // the simulator: "http://127.0.0.1:<port>/method"
  std::string version = std::string(kApiVersion);
};

class VkClient {
 public:
  // `transport` and `pacer` must outlive the client; the pacer belongs to this token.
  VkClient(HttpTransport& transport, Pacer& pacer, AccessToken token, VkClientOptions options = {});

  // The decoded envelope of a successful call, or the classified failure. Thread-safe.
  domain::Result<Success, VkFailure> call(const Request& request, std::string_view task_key);

  template <class T>
  domain::Result<T, VkFailure> call(const Request& request, std::string_view task_key,
                                    domain::Result<T, ParseError> (*parse)(const Payload&)) {
    auto success = call(request, task_key);
    if (!success) return domain::unexpected(std::move(success).error());
    auto value = parse(success->response);
    if (!value) return domain::unexpected(failure_from(value.error()));
    return std::move(value).value();
  }

  // One execute request for up to 25 calls; inner failures stay in their CallOutcome.
  domain::Result<std::vector<CallOutcome>, VkFailure> execute(std::span<const Request> calls,
                                                              std::string_view task_key);

 private:
  HttpTransport& transport_;
  Pacer& pacer_;
  AccessToken token_;
  VkClientOptions options_;
};

}  // namespace vka::vk
