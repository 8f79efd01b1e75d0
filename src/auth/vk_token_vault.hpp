#pragma once
// Where VK tokens go in and, for the collector only, come out: each token is sealed with a key
// derived from the master key for KeyPurpose::vk_token_encryption before it reaches the store, and
// opened again only by reveal(), which nothing on the HTTP side calls.
#include <optional>
#include <string>
#include <string_view>

#include "auth/secret_box.hpp"
#include "auth/secret_key.hpp"
#include "store/vk_token_repository.hpp"

namespace vka::auth {

// A token as its owner hands it in, before it is sealed.
struct NewVkToken {
  std::string name;
  std::string token;  // printable ASCII without spaces
  store::VkTokenKind kind = store::VkTokenKind::user;
};

class VkTokenVault {
 public:
  VkTokenVault(store::VkTokenRepository& repository, const SecretKey& master_key);

  // Seals and stores the token under a new id; returns what was stored (ciphertext and masked form).
  store::VkToken add(const std::string& owner, const NewVkToken& input);

  // The token in clear; nullopt when there is no such token or it cannot be opened (a different master
  // key, or altered bytes: logged by id, never with any of the data).
  std::optional<std::string> reveal(std::string_view id) const;

 private:
  store::VkTokenRepository& repository_;
  SecretBox box_;
};

}  // namespace vka::auth
