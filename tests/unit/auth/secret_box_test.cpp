#include "auth/secret_box.hpp"

#include <gtest/gtest.h>

#include "auth/mask.hpp"

namespace vka::auth {
namespace {

TEST(SecretBox, RoundTrips) {
  const SecretBox box(SecretKey::random());
  for (std::string plain :
       {std::string(""), std::string("vk1.a.abcdefghijklmnop"), std::string(10000, 'x'), std::string("with\0nul", 8)}) {
    const auto sealed = box.seal(plain);
    EXPECT_EQ(sealed.size(), plain.size() + 24 + 16);
    const auto opened = box.open(sealed);
    ASSERT_TRUE(opened.has_value()) << opened.error();
    EXPECT_EQ(*opened, plain);
  }
}

TEST(SecretBox, UsesAFreshNonceEachTime) {
  const SecretBox box(SecretKey::random());
  EXPECT_NE(box.seal("same"), box.seal("same"));
}

TEST(SecretBox, CiphertextDoesNotContainThePlaintext) {
  const SecretBox box(SecretKey::random());
  const std::string plain = "vk1.a.SECRETSECRETSECRET";
  const auto sealed = box.seal(plain);
  const std::string raw(sealed.begin(), sealed.end());
  EXPECT_EQ(raw.find("SECRET"), std::string::npos);
}

TEST(SecretBox, DetectsAnyFlippedBit) {
  const SecretBox box(SecretKey::random());
  const auto sealed = box.seal("vk1.a.token");
  for (std::size_t i = 0; i < sealed.size(); ++i) {
    auto altered = sealed;
    altered[i] ^= 0x01;
    const auto opened = box.open(altered);
    ASSERT_FALSE(opened.has_value()) << "byte " << i;
    EXPECT_EQ(opened.error().find("token"), std::string::npos);
  }
}

TEST(SecretBox, RejectsTruncatedAndForeignData) {
  const SecretBox box(SecretKey::random());
  const auto sealed = box.seal("vk1.a.token");
  for (std::size_t n = 0; n < sealed.size(); ++n) EXPECT_FALSE(box.open(std::span(sealed).first(n)).has_value()) << n;
  const SecretBox other(SecretKey::random());
  EXPECT_FALSE(other.open(sealed).has_value());
}

TEST(SecretKey, DerivedKeysDifferByPurposeAndAreDeterministic) {
  std::array<unsigned char, SecretKey::size> bytes;
  bytes.fill(7);
  const SecretKey master(bytes);
  const auto hashing = master.derive(KeyPurpose::api_key_hashing);
  const auto encryption = master.derive(KeyPurpose::vk_token_encryption);
  const auto hashing_again = SecretKey(bytes).derive(KeyPurpose::api_key_hashing);
  EXPECT_FALSE(std::equal(hashing.bytes().begin(), hashing.bytes().end(), encryption.bytes().begin()));
  EXPECT_FALSE(std::equal(hashing.bytes().begin(), hashing.bytes().end(), master.bytes().begin()));
  EXPECT_TRUE(std::equal(hashing.bytes().begin(), hashing.bytes().end(), hashing_again.bytes().begin()));
}

TEST(SecretKey, MovingWipesTheSource) {
  auto key = SecretKey::random();
  const SecretKey moved(std::move(key));
  std::array<unsigned char, SecretKey::size> zero{};
  EXPECT_TRUE(std::equal(key.bytes().begin(), key.bytes().end(), zero.begin()));  // NOLINT(bugprone-use-after-move)
  EXPECT_FALSE(std::equal(moved.bytes().begin(), moved.bytes().end(), zero.begin()));
}

struct MaskCase {
  std::string secret;
  std::string masked;
};

class Mask : public ::testing::TestWithParam<MaskCase> {};

TEST_P(Mask, ShowsOnlyHeadAndTailOfLongSecrets) { EXPECT_EQ(mask_secret(GetParam().secret), GetParam().masked); }

INSTANTIATE_TEST_SUITE_P(Secrets, Mask,
                         ::testing::Values(MaskCase{"vk1.a.ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789xY", "vk1.a.…xY"},
                                           MaskCase{"123456789012345678901234", "123456…34"},
                                           MaskCase{"12345678901234567890123", "…"}, MaskCase{"short", "…"},
                                           MaskCase{"", "…"}, MaskCase{"vk1.a.жжжжжжжжжжжжжжжжжжжжжжжж", "…"},
                                           MaskCase{"vk1.a.with space inside the token xY", "…"}));

}  // namespace
}  // namespace vka::auth
