#include "auth/session_keys.hpp"

#include <gtest/gtest.h>

#include <array>
#include <set>

namespace vka::auth {
namespace {

SecretKey key(unsigned char fill) {
  std::array<unsigned char, SecretKey::size> bytes{};
  bytes.fill(fill);
  return SecretKey{bytes};
}

TEST(SessionKeys, IdsAreRandom256BitBase64url) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const auto id = generate_session_id();
    EXPECT_EQ(id.size(), 43u);
    EXPECT_EQ(id.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
              std::string::npos);
    EXPECT_TRUE(seen.insert(id).second);
  }
}

TEST(SessionKeys, HashAndCsrfTokenAreStablePerKeyAndUnrelated) {
  const SessionKeys keys{key(1)};
  const auto id = generate_session_id();
  EXPECT_EQ(keys.id_hash(id), keys.id_hash(id));
  EXPECT_EQ(keys.id_hash(id).size(), 64u);
  EXPECT_NE(keys.id_hash(id), keys.id_hash(generate_session_id()));
  EXPECT_EQ(keys.csrf_token(id), keys.csrf_token(id));
  EXPECT_EQ(keys.id_hash(id).find(id), std::string::npos);
  EXPECT_NE(keys.csrf_token(id), id);
  const SessionKeys other{key(2)};
  EXPECT_NE(other.id_hash(id), keys.id_hash(id)) << "a database copy without secret.key opens nothing";
  EXPECT_NE(other.csrf_token(id), keys.csrf_token(id));
}

TEST(SessionKeys, CsrfMatchesOnlyTheSessionsOwnToken) {
  const SessionKeys keys{key(1)};
  const auto id = generate_session_id();
  const auto token = keys.csrf_token(id);
  EXPECT_TRUE(keys.csrf_matches(id, token));
  EXPECT_FALSE(keys.csrf_matches(id, token + "A"));
  EXPECT_FALSE(keys.csrf_matches(id, ""));
  EXPECT_FALSE(keys.csrf_matches(generate_session_id(), token));
}

}  // namespace
}  // namespace vka::auth
