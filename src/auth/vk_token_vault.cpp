#include "auth/vk_token_vault.hpp"

#include <spdlog/spdlog.h>

#include "auth/mask.hpp"
#include "domain/ids.hpp"

namespace vka::auth {

VkTokenVault::VkTokenVault(store::VkTokenRepository& repository, const SecretKey& master_key)
    : repository_(repository), box_(master_key.derive(KeyPurpose::vk_token_encryption)) {}

store::VkToken VkTokenVault::add(const std::string& owner, const NewVkToken& input) {
  store::VkToken token{.id = domain::new_id(domain::IdKind::vk_token),
                       .owner = owner,
                       .name = input.name,
                       .kind = input.kind,
                       .ciphertext = box_.seal(input.token),
                       .masked = mask_secret(input.token),
                       .created_at = domain::now()};
  repository_.create(token);
  return token;
}

std::optional<std::string> VkTokenVault::reveal(std::string_view id) const {
  const auto stored = repository_.get(id);
  if (!stored) return std::nullopt;
  auto opened = box_.open(stored->ciphertext);
  if (!opened) {
    spdlog::error("VK token {} cannot be opened: {}", id, opened.error());
    return std::nullopt;
  }
  return std::move(opened).value();
}

}  // namespace vka::auth
