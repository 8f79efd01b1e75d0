#include "auth/session_keys.hpp"

#include <sodium.h>

#include <array>
#include <vector>

#include "auth/constant_time.hpp"
#include "auth/sodium_init.hpp"
#include "domain/base64url.hpp"

namespace vka::auth {

namespace {

constexpr std::size_t digest_bytes = 32;

std::array<unsigned char, digest_bytes> keyed_digest(std::string_view text, const SecretKey& key) {
  std::array<unsigned char, digest_bytes> digest{};
  crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                     key.bytes().data(), key.bytes().size());
  return digest;
}

}  // namespace

std::string generate_session_id() {
  ensure_sodium();
  std::vector<std::uint8_t> bytes(32);
  randombytes_buf(bytes.data(), bytes.size());
  return domain::base64url_encode(bytes);
}

SessionKeys::SessionKeys(const SecretKey& master)
    : hashing_(master.derive(KeyPurpose::session_hashing)), csrf_(master.derive(KeyPurpose::csrf_tokens)) {
  ensure_sodium();
}

std::string SessionKeys::id_hash(std::string_view session_id) const {
  const auto digest = keyed_digest(session_id, hashing_);
  std::string hex(digest.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  hex.pop_back();
  return hex;
}

std::string SessionKeys::csrf_token(std::string_view session_id) const {
  const auto digest = keyed_digest(session_id, csrf_);
  return domain::base64url_encode({digest.begin(), digest.end()});
}

bool SessionKeys::csrf_matches(std::string_view session_id, std::string_view presented) const {
  return constant_time_equal(csrf_token(session_id), presented);
}

}  // namespace vka::auth
