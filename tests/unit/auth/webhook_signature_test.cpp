#include "auth/webhook_signature.hpp"

#include <gtest/gtest.h>

#include "auth/webhook_secrets.hpp"

namespace vka::auth {
namespace {

TEST(WebhookSignature, IsTheHexHmacSha256OfTheBody) {
  // RFC 4231, test case 2.
  EXPECT_EQ(webhook_signature("Jefe", "what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(WebhookSignature, ChangesWithTheSecretAndTheBody) {
  const auto signature = webhook_signature("secret", R"({"event":"task.completed"})");
  EXPECT_NE(signature, webhook_signature("secret2", R"({"event":"task.completed"})"));
  EXPECT_NE(signature, webhook_signature("secret", R"({"event":"task.failed"})"));
}

TEST(WebhookSecrets, AreRandomHexAndOpenOnlyWithTheirMasterKey) {
  const auto secret = WebhookSecrets::generate();
  EXPECT_EQ(secret.size(), 64u);
  EXPECT_EQ(secret.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(secret, WebhookSecrets::generate());

  const auto master = SecretKey::random();
  const WebhookSecrets secrets(master);
  const auto sealed = secrets.seal(secret);
  EXPECT_EQ(std::string(sealed.begin(), sealed.end()).find(secret), std::string::npos);
  EXPECT_EQ(secrets.open(sealed), secret);
  EXPECT_FALSE(WebhookSecrets(SecretKey::random()).open(sealed));
}

}  // namespace
}  // namespace vka::auth
