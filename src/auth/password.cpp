#include "auth/password.hpp"

#include <argon2.h>
#include <sodium.h>

#include <array>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "auth/sodium_init.hpp"

namespace vka::auth {

namespace {
constexpr std::size_t salt_bytes = 16;
constexpr std::size_t hash_bytes = 32;
constexpr std::string_view argon2id_tag = "$argon2id$";
}  // namespace

std::string hash_password(std::string_view password, const Argon2Params& params) {
  ensure_sodium();
  std::array<unsigned char, salt_bytes> salt{};
  randombytes_buf(salt.data(), salt.size());
  const auto encoded_size =
      argon2_encodedlen(params.time_cost, params.memory_kib, params.parallelism, salt_bytes, hash_bytes, Argon2_id);
  std::string encoded(encoded_size, '\0');
  const int status =
      argon2id_hash_encoded(params.time_cost, params.memory_kib, params.parallelism, password.data(), password.size(),
                            salt.data(), salt.size(), hash_bytes, encoded.data(), encoded.size());
  if (status != ARGON2_OK)
    throw std::runtime_error(std::string("password hashing failed: ") + argon2_error_message(status));
  encoded.resize(encoded.find('\0'));
  return encoded;
}

bool verify_password(std::string_view password, std::string_view encoded) {
  if (!encoded.starts_with(argon2id_tag) || encoded.find('\0') != std::string_view::npos) return false;
  const std::string terminated(encoded);  // argon2 reads a C string
  return argon2id_verify(terminated.c_str(), password.data(), password.size()) == ARGON2_OK;
}

bool needs_rehash(std::string_view encoded, const Argon2Params& params) {
  // "$argon2id$v=19$m=65536,t=3,p=1$salt$hash"
  const std::string text(encoded);
  Argon2Params stored{};
  int version = 0;
  char end = 0;
  if (std::sscanf(text.c_str(), "$argon2id$v=%d$m=%u,t=%u,p=%u%c", &version, &stored.memory_kib, &stored.time_cost,
                  &stored.parallelism, &end) != 5 ||
      end != '$')
    return true;
  return version != ARGON2_VERSION_NUMBER || stored != params;
}

}  // namespace vka::auth
