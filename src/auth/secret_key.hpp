#pragma once
// A 32-byte symmetric key held in memory that is wiped when the key goes away.
// The server keeps one master key in <data_dir>/secret.key and derives a subkey per purpose,
// so that no two mechanisms ever share key material.
#include <array>
#include <cstddef>
#include <span>

namespace vka::auth {

enum class KeyPurpose { api_key_hashing, vk_token_encryption, session_hashing, csrf_tokens, webhook_secret_encryption };

class SecretKey {
 public:
  static constexpr std::size_t size = 32;

  explicit SecretKey(std::span<const unsigned char, size> bytes);
  static SecretKey random();

  SecretKey(SecretKey&& other) noexcept;
  SecretKey& operator=(SecretKey&& other) noexcept;
  SecretKey(const SecretKey&) = delete;
  SecretKey& operator=(const SecretKey&) = delete;
  ~SecretKey();

  std::span<const unsigned char, size> bytes() const { return bytes_; }

  // BLAKE2b-based KDF (libsodium crypto_kdf): independent keys for independent uses.
  SecretKey derive(KeyPurpose purpose) const;

 private:
  std::array<unsigned char, size> bytes_{};
};

}  // namespace vka::auth
