#include "auth/api_key.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>

#include "auth/constant_time.hpp"
#include "auth/sodium_init.hpp"

namespace vka::auth {

namespace {
constexpr std::string_view base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

std::string keyed_hash_hex(std::string_view text, const SecretKey& key) {
  std::array<unsigned char, crypto_generichash_BYTES> digest{};
  crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                     key.bytes().data(), key.bytes().size());
  std::string hex(digest.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  hex.pop_back();
  return hex;
}
}  // namespace

std::string random_base62(std::size_t length) {
  ensure_sodium();
  std::string text;
  for (std::size_t i = 0; i < length; ++i) text += base62[randombytes_uniform(base62.size())];
  return text;
}

std::string generate_api_key() { return std::string(api_key_prefix) + random_base62(api_key_random_chars); }

bool looks_like_api_key(std::string_view text) {
  if (!text.starts_with(api_key_prefix) || text.size() != api_key_prefix.size() + api_key_random_chars) return false;
  const auto body = text.substr(api_key_prefix.size());
  return std::all_of(body.begin(), body.end(), [](char c) { return base62.find(c) != std::string_view::npos; });
}

ApiKeyHasher::ApiKeyHasher(SecretKey pepper) : pepper_(std::move(pepper)) { ensure_sodium(); }

std::string ApiKeyHasher::hash(std::string_view key) const { return keyed_hash_hex(key, pepper_); }

bool ApiKeyHasher::verify(std::string_view key, std::string_view stored_hash) const {
  return constant_time_equal(hash(key), stored_hash);
}

domain::Result<BootstrapAdminKey> BootstrapAdminKey::from_environment_value(std::string_view value) {
  if (value.empty()) return domain::unexpected("VKA_ADMIN_API_KEY is empty");
  if (!std::all_of(value.begin(), value.end(), [](char c) { return c > 0x20 && c < 0x7F; }))
    return domain::unexpected("VKA_ADMIN_API_KEY must be printable ASCII without spaces");
  if (value.size() < min_length)
    return domain::unexpected("VKA_ADMIN_API_KEY must be at least " + std::to_string(min_length) +
                              " characters; `vk-analytics api-keys create` makes a strong key instead");
  return BootstrapAdminKey(value);
}

BootstrapAdminKey::BootstrapAdminKey(std::string_view key)
    : digest_key_(SecretKey::random()), digest_(keyed_hash_hex(key, digest_key_)) {}

bool BootstrapAdminKey::matches(std::string_view presented) const {
  return constant_time_equal(keyed_hash_hex(presented, digest_key_), digest_);
}

}  // namespace vka::auth
