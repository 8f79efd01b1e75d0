#include "auth/api_key.hpp"

#include <gtest/gtest.h>

#include <set>

#include "auth/constant_time.hpp"

namespace vka::auth {
namespace {

SecretKey fixed_key(unsigned char fill) {
  std::array<unsigned char, SecretKey::size> bytes;
  bytes.fill(fill);
  return SecretKey(bytes);
}

TEST(ApiKey, HasPrefixLengthAndBase62Alphabet) {
  const auto key = generate_api_key();
  EXPECT_TRUE(key.starts_with("vka_")) << key;
  EXPECT_EQ(key.size(), 44u);
  EXPECT_TRUE(looks_like_api_key(key)) << key;
}

TEST(ApiKey, IsFreshEachTime) {
  std::set<std::string> keys;
  for (int i = 0; i < 1000; ++i) EXPECT_TRUE(keys.insert(generate_api_key()).second);
}

TEST(ApiKey, ShapeCheckRejectsOtherText) {
  const auto key = generate_api_key();
  EXPECT_FALSE(looks_like_api_key(key.substr(0, 43)));
  EXPECT_FALSE(looks_like_api_key(key + "a"));
  EXPECT_FALSE(looks_like_api_key("vkb_" + key.substr(4)));
  EXPECT_FALSE(looks_like_api_key("vka_" + std::string(39, 'a') + "-"));
  EXPECT_FALSE(looks_like_api_key(""));
}

TEST(ApiKeyHasher, IsStableForAPepperAndDiffersAcrossKeysAndPeppers) {
  const ApiKeyHasher hasher(fixed_key(1));
  const ApiKeyHasher same_pepper(fixed_key(1));
  const ApiKeyHasher other_pepper(fixed_key(2));
  const auto key = generate_api_key();
  const auto hash = hasher.hash(key);
  EXPECT_EQ(hash.size(), 64u);
  EXPECT_EQ(hash.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(same_pepper.hash(key), hash);
  EXPECT_NE(other_pepper.hash(key), hash);
  EXPECT_NE(hasher.hash(generate_api_key()), hash);
  EXPECT_EQ(hash.find(key.substr(4, 8)), std::string::npos);
}

TEST(ApiKeyHasher, IsKeyedBlake2b256) {
  // Python: hashlib.blake2b(b"vka_test", key=b"\x01" * 32, digest_size=32).hexdigest().
  // Changing the construction would orphan every stored key.
  const ApiKeyHasher hasher(fixed_key(1));
  EXPECT_EQ(hasher.hash("vka_test"), "2fae2987d5764bb38ae30ea4b1c525ecd2c8d78aa9a6f9ccd259cc7e7dde0492");
}

TEST(ApiKeyHasher, VerifiesOnlyTheRightKey) {
  const ApiKeyHasher hasher(fixed_key(3));
  const auto key = generate_api_key();
  const auto stored = hasher.hash(key);
  EXPECT_TRUE(hasher.verify(key, stored));
  EXPECT_FALSE(hasher.verify(generate_api_key(), stored));
  EXPECT_FALSE(hasher.verify(key, stored.substr(1)));
  EXPECT_FALSE(hasher.verify(key, ""));
}

TEST(BootstrapAdminKey, MatchesExactlyTheConfiguredValue) {
  const auto bootstrap = BootstrapAdminKey::from_environment_value("correct-horse-battery-staple-0001");
  ASSERT_TRUE(bootstrap.has_value()) << bootstrap.error();
  EXPECT_TRUE(bootstrap->matches("correct-horse-battery-staple-0001"));
  EXPECT_FALSE(bootstrap->matches("correct-horse-battery-stapl"));
  EXPECT_FALSE(bootstrap->matches("correct-horse-battery-staple-0001 "));
  EXPECT_FALSE(bootstrap->matches("Correct-horse-battery-staple"));
  EXPECT_FALSE(bootstrap->matches(""));
}

TEST(BootstrapAdminKey, RefusesValuesShorterThan32CharactersWithoutEchoingThem) {
  const auto short_key = BootstrapAdminKey::from_environment_value("hunter2-hunter2-hunter2-hunter2");
  ASSERT_FALSE(short_key.has_value());
  EXPECT_NE(short_key.error().find("at least 32"), std::string::npos);
  EXPECT_EQ(short_key.error().find("hunter2"), std::string::npos);
  EXPECT_TRUE(BootstrapAdminKey::from_environment_value(std::string(32, 'k')).has_value());
}

TEST(BootstrapAdminKey, RejectsMalformedValuesWithoutEchoingThem) {
  const auto empty = BootstrapAdminKey::from_environment_value("");
  ASSERT_FALSE(empty.has_value());
  EXPECT_NE(empty.error().find("VKA_ADMIN_API_KEY"), std::string::npos);
  const auto spaced = BootstrapAdminKey::from_environment_value("secret with spaces inside the key value");
  ASSERT_FALSE(spaced.has_value());
  EXPECT_EQ(spaced.error().find("secret with"), std::string::npos);
}

TEST(ConstantTimeEqual, ComparesContentAndLength) {
  EXPECT_TRUE(constant_time_equal("abc", "abc"));
  EXPECT_TRUE(constant_time_equal("", ""));
  EXPECT_FALSE(constant_time_equal("abc", "abd"));
  EXPECT_FALSE(constant_time_equal("abc", "abcd"));
  EXPECT_FALSE(constant_time_equal("", "a"));
}

}  // namespace
}  // namespace vka::auth
