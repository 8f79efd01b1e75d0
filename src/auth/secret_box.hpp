#pragma once
// Encryption of secrets at rest (stored VK tokens): libsodium crypto_secretbox,
// XSalsa20-Poly1305 with a random 24-byte nonce per message. Sealed form: nonce || ciphertext+MAC.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "auth/secret_key.hpp"
#include "domain/result.hpp"

namespace vka::auth {

class SecretBox {
 public:
  explicit SecretBox(SecretKey key);  // e.g. master.derive(KeyPurpose::vk_token_encryption)

  std::vector<std::uint8_t> seal(std::string_view plaintext) const;

  // Fails, without revealing anything about the content, when the data was altered,
  // truncated or sealed under another key.
  domain::Result<std::string> open(std::span<const std::uint8_t> sealed) const;

 private:
  SecretKey key_;
};

}  // namespace vka::auth
