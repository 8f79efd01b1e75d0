#pragma once
// Password hashing for user accounts: argon2id (libargon2), stored as the standard encoded
// string "$argon2id$v=19$m=…,t=…,p=…$salt$hash", which carries its own parameters and salt.
#include <cstdint>
#include <string>
#include <string_view>

namespace vka::auth {

// Defaults follow RFC 9106's second recommended option (64 MiB, 3 passes) with one lane, above every
// configuration OWASP's Password Storage Cheat Sheet lists as its minimum (e.g. 46 MiB and 1 pass, or
// 19 MiB and 2 passes).
struct Argon2Params {
  std::uint32_t time_cost = 3;
  std::uint32_t memory_kib = 64 * 1024;
  std::uint32_t parallelism = 1;
  bool operator==(const Argon2Params&) const = default;
};

// Throws std::runtime_error if argon2 cannot run (e.g. out of memory); the message never
// contains the password.
std::string hash_password(std::string_view password, const Argon2Params& params = {});

// False on a wrong password and on anything that is not an argon2id encoded hash.
bool verify_password(std::string_view password, std::string_view encoded);

// True when `encoded` was hashed with other parameters than `params` (or cannot be read), so that a
// sign-in that just verified the password should store a new hash.
bool needs_rehash(std::string_view encoded, const Argon2Params& params = {});

}  // namespace vka::auth
