#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "auth/vk_token_vault.hpp"
#include "domain/ids.hpp"

namespace vka::auth {
namespace {

class MemoryVkTokens final : public store::VkTokenRepository {
 public:
  void create(const store::VkToken& token) override { rows[token.id] = token; }
  store::VkTokenPage list(const store::VkTokenListQuery&) override { return {}; }
  std::optional<store::VkToken> get(std::string_view id) override {
    const auto found = rows.find(std::string{id});
    if (found == rows.end()) return std::nullopt;
    return found->second;
  }
  bool remove(std::string_view id) override { return rows.erase(std::string{id}) > 0; }

  std::map<std::string, store::VkToken> rows;
};

const std::string secret = "vk1.a.TheRealTokenValue_0123456789abcdefXY";

bool contains(const std::vector<std::uint8_t>& haystack, std::string_view needle) {
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) != haystack.end();
}

class VkTokenVaultTest : public ::testing::Test {
 protected:
  SecretKey master = SecretKey::random();
  MemoryVkTokens repository;
  VkTokenVault vault{repository, master};
};

TEST_F(VkTokenVaultTest, AddStoresASealedTokenWithItsMaskAndReturnsTheRecord) {
  const auto added = vault.add("k_alice", {"main", secret, store::VkTokenKind::user});
  EXPECT_TRUE(domain::is_valid_id(domain::IdKind::vk_token, added.id)) << added.id;
  EXPECT_EQ(added.owner, "k_alice");
  EXPECT_EQ(added.name, "main");
  EXPECT_EQ(added.masked, "vk1.a.…XY");
  EXPECT_EQ(repository.get(added.id), added);
  EXPECT_FALSE(contains(added.ciphertext, secret));
  EXPECT_FALSE(contains(added.ciphertext, "TheRealTokenValue"));
}

TEST_F(VkTokenVaultTest, RevealOpensWhatAddSealed) {
  const auto first = vault.add("k_alice", {"one", secret, store::VkTokenKind::user});
  const auto second = vault.add("k_alice", {"two", "another-token", store::VkTokenKind::service});
  EXPECT_NE(first.ciphertext, second.ciphertext);
  EXPECT_EQ(vault.reveal(first.id), secret);
  EXPECT_EQ(vault.reveal(second.id), "another-token");
  EXPECT_EQ(second.masked, "…") << "short tokens are masked entirely";
}

TEST_F(VkTokenVaultTest, SameTokenTwiceIsSealedDifferently) {
  const auto first = vault.add("k_alice", {"one", secret, store::VkTokenKind::user});
  const auto second = vault.add("k_alice", {"two", secret, store::VkTokenKind::user});
  EXPECT_NE(first.ciphertext, second.ciphertext);
}

TEST_F(VkTokenVaultTest, RevealOfAnUnknownIdIsNothing) { EXPECT_FALSE(vault.reveal("vt_missing")); }

TEST_F(VkTokenVaultTest, AnotherMasterKeyCannotReveal) {
  const auto added = vault.add("k_alice", {"main", secret, store::VkTokenKind::user});
  const VkTokenVault other{repository, SecretKey::random()};
  EXPECT_FALSE(other.reveal(added.id));
}

TEST_F(VkTokenVaultTest, SealsWithTheVkTokenSubkeyNotTheMasterKeyItself) {
  const auto added = vault.add("k_alice", {"main", secret, store::VkTokenKind::user});
  const auth::SecretBox with_master{SecretKey{master.bytes()}};
  EXPECT_FALSE(with_master.open(added.ciphertext));
  const auth::SecretBox with_subkey{master.derive(auth::KeyPurpose::vk_token_encryption)};
  EXPECT_EQ(with_subkey.open(added.ciphertext).value(), secret);
}

TEST_F(VkTokenVaultTest, AlteredCiphertextIsNotRevealed) {
  const auto added = vault.add("k_alice", {"main", secret, store::VkTokenKind::user});
  repository.rows[added.id].ciphertext.back() ^= 0x01;
  EXPECT_FALSE(vault.reveal(added.id));
}

}  // namespace
}  // namespace vka::auth
