#include "api/webhook_url.hpp"

#include <gtest/gtest.h>

namespace vka::api {
namespace {

TEST(WebhookUrl, PublicHttpAndHttpsAddressesAreAccepted) {
  for (const char* url : {"https://93.184.216.34/hook", "http://8.8.8.8:8080/a/b?x=1", "https://[2606:4700::1111]/"})
    EXPECT_EQ(webhook_url_problem(url, false), std::nullopt) << url;
}

TEST(WebhookUrl, PrivateAddressesNeedTheFlag) {
  for (const char* url : {"http://127.0.0.1:9000/hook", "http://10.0.0.5/", "http://169.254.169.254/latest",
                          "http://[::1]:8080/", "http://[fd00::1]/", "http://localhost/"}) {
    const auto problem = webhook_url_problem(url, false);
    ASSERT_TRUE(problem) << url;
    EXPECT_NE(problem->find("VKA_WEBHOOK_ALLOW_PRIVATE"), std::string::npos) << *problem;
    EXPECT_EQ(webhook_url_problem(url, true), std::nullopt) << url;
  }
}

TEST(WebhookUrl, OnlyAbsoluteHttpUrlsWithAHostAndNoCredentials) {
  for (const char* url : {"", "not a url", "/relative", "ftp://8.8.8.8/", "file:///etc/passwd", "javascript:alert(1)",
                          "https://user:pass@8.8.8.8/", "https://8.8.8.8/#frag", "http:///path", "mailto:a@b.c"}) {
    EXPECT_TRUE(webhook_url_problem(url, false)) << url;
    EXPECT_TRUE(webhook_url_problem(url, true)) << url;
  }
  EXPECT_TRUE(webhook_url_problem("https://8.8.8.8/" + std::string(max_webhook_url_length, 'a'), true));
}

TEST(WebhookUrl, AHostThatDoesNotResolveIsRefused) {
  const auto problem = webhook_url_problem("https://no-such-host.invalid/hook", false);
  ASSERT_TRUE(problem);
  EXPECT_NE(problem->find("resolve"), std::string::npos) << *problem;
}

}  // namespace
}  // namespace vka::api
