#include "auth/webhook_secrets.hpp"

#include <sodium.h>

#include <array>

#include "auth/sodium_init.hpp"

namespace vka::auth {

WebhookSecrets::WebhookSecrets(const SecretKey& master_key)
    : box_(master_key.derive(KeyPurpose::webhook_secret_encryption)) {}

std::string WebhookSecrets::generate() {
  ensure_sodium();
  std::array<unsigned char, 32> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::array<char, bytes.size() * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
  sodium_memzero(bytes.data(), bytes.size());
  return std::string(hex.data(), bytes.size() * 2);
}

std::vector<std::uint8_t> WebhookSecrets::seal(const std::string& secret) const { return box_.seal(secret); }

std::optional<std::string> WebhookSecrets::open(std::span<const std::uint8_t> sealed) const {
  auto opened = box_.open(sealed);
  if (!opened) return std::nullopt;
  return std::move(opened).value();
}

}  // namespace vka::auth
