#include "auth/secret_box.hpp"

#include <sodium.h>

#include "auth/sodium_init.hpp"

namespace vka::auth {

SecretBox::SecretBox(SecretKey key) : key_(std::move(key)) { ensure_sodium(); }

std::vector<std::uint8_t> SecretBox::seal(std::string_view plaintext) const {
  std::vector<std::uint8_t> sealed(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintext.size());
  randombytes_buf(sealed.data(), crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(sealed.data() + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(), sealed.data(),
                        key_.bytes().data());
  return sealed;
}

domain::Result<std::string> SecretBox::open(std::span<const std::uint8_t> sealed) const {
  if (sealed.size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
    return domain::unexpected("sealed secret is too short to be one");
  const auto nonce = sealed.first(crypto_secretbox_NONCEBYTES);
  const auto box = sealed.subspan(crypto_secretbox_NONCEBYTES);
  std::string plaintext(box.size() - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plaintext.data()), box.data(), box.size(),
                                 nonce.data(), key_.bytes().data()) != 0)
    return domain::unexpected("sealed secret failed authentication: altered, or sealed under another key");
  return plaintext;
}

}  // namespace vka::auth
