#include "auth/constant_time.hpp"

#include <sodium.h>

#include <array>

#include "auth/sodium_init.hpp"

namespace vka::auth {

namespace {
using Digest = std::array<unsigned char, crypto_generichash_BYTES>;

const std::array<unsigned char, crypto_generichash_KEYBYTES>& process_key() {
  static const auto key = [] {
    ensure_sodium();
    std::array<unsigned char, crypto_generichash_KEYBYTES> k{};
    crypto_generichash_keygen(k.data());
    return k;
  }();
  return key;
}

Digest digest(std::string_view text) {
  Digest out{};
  const auto& key = process_key();
  crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                     key.data(), key.size());
  return out;
}
}  // namespace

bool constant_time_equal(std::string_view a, std::string_view b) {
  const auto da = digest(a);
  const auto db = digest(b);
  return sodium_memcmp(da.data(), db.data(), da.size()) == 0;
}

}  // namespace vka::auth
