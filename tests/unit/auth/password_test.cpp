#include "auth/password.hpp"

#include <gtest/gtest.h>

namespace vka::auth {
namespace {

// Small parameters keep the tests fast; the code path is the same as with the defaults.
const Argon2Params fast{1, 1024, 1};

TEST(Password, HashIsArgon2idEncodedWithItsParameters) {
  const auto encoded = hash_password("correct horse", fast);
  EXPECT_TRUE(encoded.starts_with("$argon2id$v=19$m=1024,t=1,p=1$")) << encoded;
  EXPECT_EQ(encoded.find('\0'), std::string::npos);
  EXPECT_EQ(encoded.find("correct"), std::string::npos);
}

TEST(Password, VerifiesTheRightPasswordOnly) {
  const auto encoded = hash_password("correct horse", fast);
  EXPECT_TRUE(verify_password("correct horse", encoded));
  EXPECT_FALSE(verify_password("correct horsE", encoded));
  EXPECT_FALSE(verify_password("", encoded));
}

TEST(Password, SaltMakesEveryHashDifferent) {
  const auto a = hash_password("same", fast);
  const auto b = hash_password("same", fast);
  EXPECT_NE(a, b);
  EXPECT_TRUE(verify_password("same", a));
  EXPECT_TRUE(verify_password("same", b));
}

TEST(Password, EmptyAndUnicodePasswordsWork) {
  EXPECT_TRUE(verify_password("", hash_password("", fast)));
  EXPECT_TRUE(verify_password("пароль 🔑", hash_password("пароль 🔑", fast)));
}

TEST(Password, DefaultParametersVerify) {
  const auto encoded = hash_password("default cost");
  EXPECT_TRUE(encoded.starts_with("$argon2id$v=19$m=65536,t=3,p=1$")) << encoded;
  EXPECT_TRUE(verify_password("default cost", encoded));
}

TEST(Password, MalformedOrForeignHashesNeverVerify) {
  const auto encoded = hash_password("pw", fast);
  std::string tampered = encoded;
  tampered[tampered.size() - 3] = tampered[tampered.size() - 3] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(verify_password("pw", tampered));
  EXPECT_FALSE(verify_password("pw", ""));
  EXPECT_FALSE(verify_password("pw", "pw"));
  EXPECT_FALSE(verify_password("pw", "$argon2i$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaA"));
  EXPECT_FALSE(verify_password("pw", encoded.substr(0, 20)));
  EXPECT_FALSE(verify_password("pw", encoded + std::string(1, '\0') + "x"));
}

TEST(Password, RehashIsNeededExactlyWhenTheParametersDiffer) {
  EXPECT_FALSE(needs_rehash(hash_password("pw", fast), fast));
  EXPECT_TRUE(needs_rehash(hash_password("pw", fast)));
  EXPECT_TRUE(needs_rehash(hash_password("pw", fast), Argon2Params{2, 1024, 1}));
  EXPECT_FALSE(needs_rehash("$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA"));
  EXPECT_TRUE(needs_rehash("$argon2id$v=16$m=65536,t=3,p=1$c2FsdA$aGFzaA"));
  EXPECT_TRUE(needs_rehash("$argon2i$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA"));
  EXPECT_TRUE(needs_rehash("garbage"));
}

}  // namespace
}  // namespace vka::auth
