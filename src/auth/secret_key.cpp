#include "auth/secret_key.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstdint>

#include "auth/sodium_init.hpp"

namespace vka::auth {

static_assert(SecretKey::size == crypto_kdf_KEYBYTES && SecretKey::size == crypto_secretbox_KEYBYTES &&
              SecretKey::size == crypto_generichash_KEYBYTES);

SecretKey::SecretKey(std::span<const unsigned char, size> bytes) {
  std::copy(bytes.begin(), bytes.end(), bytes_.begin());
}

SecretKey SecretKey::random() {
  ensure_sodium();
  std::array<unsigned char, size> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  SecretKey key(bytes);
  sodium_memzero(bytes.data(), bytes.size());
  return key;
}

SecretKey::SecretKey(SecretKey&& other) noexcept : bytes_(other.bytes_) {
  sodium_memzero(other.bytes_.data(), other.bytes_.size());
}

SecretKey& SecretKey::operator=(SecretKey&& other) noexcept {
  if (this != &other) {
    bytes_ = other.bytes_;
    sodium_memzero(other.bytes_.data(), other.bytes_.size());
  }
  return *this;
}

SecretKey::~SecretKey() { sodium_memzero(bytes_.data(), bytes_.size()); }

SecretKey SecretKey::derive(KeyPurpose purpose) const {
  ensure_sodium();
  // crypto_kdf contexts are exactly 8 characters; the subkey id separates purposes further.
  const char* context = "vka_vktk";
  if (purpose == KeyPurpose::api_key_hashing) context = "vka_keys";
  if (purpose == KeyPurpose::session_hashing) context = "vka_sess";
  if (purpose == KeyPurpose::csrf_tokens) context = "vka_csrf";
  if (purpose == KeyPurpose::webhook_secret_encryption) context = "vka_whsk";
  std::array<unsigned char, size> sub{};
  crypto_kdf_derive_from_key(sub.data(), sub.size(), static_cast<std::uint64_t>(purpose) + 1, context, bytes_.data());
  SecretKey key(sub);
  sodium_memzero(sub.data(), sub.size());
  return key;
}

}  // namespace vka::auth
