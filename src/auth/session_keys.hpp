#pragma once
// Browser sessions: the id is 256 random bits, base64url, and lives only in the user's cookie. The
// server stores a keyed hash of it, and derives the session's CSRF token from it with another key, so
// the token need not be stored, stays the same for the session's life (every tab agrees), and cannot
// be computed without the server's secret.
#include <string>
#include <string_view>

#include "auth/secret_key.hpp"

namespace vka::auth {

std::string generate_session_id();

class SessionKeys {
 public:
  explicit SessionKeys(const SecretKey& master);

  std::string id_hash(std::string_view session_id) const;     // 64 lowercase hex characters
  std::string csrf_token(std::string_view session_id) const;  // 43 base64url characters
  bool csrf_matches(std::string_view session_id, std::string_view presented) const;

 private:
  SecretKey hashing_;
  SecretKey csrf_;
};

}  // namespace vka::auth
