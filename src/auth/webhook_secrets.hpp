#pragma once
// Webhook signing secrets: made here, shown once to whoever sets the webhook, and kept only sealed, with a
// key derived from the master key for KeyPurpose::webhook_secret_encryption (like VK tokens).
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "auth/secret_box.hpp"
#include "auth/secret_key.hpp"

namespace vka::auth {

class WebhookSecrets {
 public:
  explicit WebhookSecrets(const SecretKey& master_key);

  // 32 random bytes as 64 lowercase hex characters.
  static std::string generate();
  std::vector<std::uint8_t> seal(const std::string& secret) const;
  // nullopt when the sealed bytes cannot be opened (another master key, altered data).
  std::optional<std::string> open(std::span<const std::uint8_t> sealed) const;

 private:
  SecretBox box_;
};

}  // namespace vka::auth
