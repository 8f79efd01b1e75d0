#pragma once
// API keys: "vka_" + 40 base62 characters (about 238 random bits), shown once at creation.
// The server stores only a keyed hash of each key.
//
// Why BLAKE2b and not argon2: argon2 exists to slow down guessing of low-entropy passwords.
// A 238-bit random key cannot be guessed at any hashing speed, so a slow hash would only cost
// CPU on every request (and hand attackers a cheap denial of service). A deterministic keyed hash
// also lets the store find a key by its hash through a unique index, and the key (pepper, derived
// from the server's secret.key, not stored in the database) means a stolen database alone does
// not even let anyone test candidate keys.
#include <optional>
#include <string>
#include <string_view>

#include "auth/secret_key.hpp"
#include "domain/result.hpp"

namespace vka::auth {

inline constexpr std::string_view api_key_prefix = "vka_";
inline constexpr std::size_t api_key_random_chars = 40;

std::string generate_api_key();
// Uniformly random letters and digits (about 5.95 bits each), e.g. a one-time password.
std::string random_base62(std::size_t length);

// Right prefix, length and alphabet. Lets the auth middleware tell API keys from session tokens
// and reject garbage before any lookup.
bool looks_like_api_key(std::string_view text);

class ApiKeyHasher {
 public:
  explicit ApiKeyHasher(SecretKey pepper);  // e.g. master.derive(KeyPurpose::api_key_hashing)

  std::string hash(std::string_view key) const;  // 64 lowercase hex characters; stable for a pepper
  bool verify(std::string_view key, std::string_view stored_hash) const;

 private:
  SecretKey pepper_;
};

// The bootstrap admin key from VKA_ADMIN_API_KEY. Keeps only a digest of the key in memory
// and compares in constant time.
class BootstrapAdminKey {
 public:
  // Shorter values are guessable enough to be refused at start.
  static constexpr std::size_t min_length = 32;

  // Fails for values shorter than min_length, whitespace or non-ASCII; the problem names the
  // variable but never echoes the value.
  static domain::Result<BootstrapAdminKey> from_environment_value(std::string_view value);

  bool matches(std::string_view presented) const;

 private:
  explicit BootstrapAdminKey(std::string_view key);
  SecretKey digest_key_;  // random per process
  std::string digest_;
};

}  // namespace vka::auth
