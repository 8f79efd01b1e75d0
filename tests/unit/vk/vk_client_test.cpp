#include "vk/vk_client.hpp"

#include <gtest/gtest.h>

#include <deque>

#include "vk/execute.hpp"

namespace vka::vk {
namespace {

using namespace std::chrono_literals;

class ScriptedTransport final : public HttpTransport {
 public:
  std::deque<domain::Result<HttpResponse, TransportError>> replies;
  std::vector<std::pair<std::string, std::string>> sent;  // url, body

  domain::Result<HttpResponse, TransportError> post(std::string_view url, std::string_view body) override {
    sent.emplace_back(url, body);
    auto reply = std::move(replies.front());
    replies.pop_front();
    return reply;
  }
};

class VkClientTest : public ::testing::Test {
 protected:
  void reply(int status, std::string body) { transport.replies.emplace_back(HttpResponse{status, std::move(body)}); }

  ScriptedTransport transport;
  VirtualClock clock;
  Pacer pacer{{.requests_per_window = 3}, clock};
  VkClient client{transport, pacer, AccessToken("secret-token"), {.base_url = "http://sim/method"}};
};

TEST_F(VkClientTest, SendsTokenOnlyInTheBodyAndParsesTypedResult) {
  reply(200, R"({"response": {"type": "group", "object_id": 1}})");
  auto name = client.call(resolve_screen_name("apiclub"), "task-1", parse_resolve_screen_name);
  ASSERT_TRUE(name) << name.error().message;
  EXPECT_EQ(**name, (ResolvedName{"group", 1}));
  ASSERT_EQ(transport.sent.size(), 1u);
  EXPECT_EQ(transport.sent[0].first, "http://sim/method/utils.resolveScreenName");
  EXPECT_EQ(transport.sent[0].second, "screen_name=apiclub&access_token=secret-token&v=5.199");
}

TEST_F(VkClientTest, CallsArePaced) {
  for (int i = 0; i < 4; ++i) reply(200, R"({"response": []})");
  const auto start = clock.now();
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(client.call(users_get(std::vector<std::int64_t>{1}), "t"));
  EXPECT_EQ(clock.now() - start, 1050ms);
}

TEST_F(VkClientTest, ApiErrorIsClassifiedWithoutTheToken) {
  reply(200, R"({"error": {"error_code": 5, "error_msg": "User authorization failed: invalid access_token (4).",
                "request_params": [{"key": "access_token", "value": "secret-token"}]}})");
  auto result = client.call(wall_get(-1, 0), "t");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().action, ErrorAction::retire_token);
  EXPECT_EQ(result.error().code, "vk_auth_failed");
  EXPECT_EQ(result.error().vk_error_code, 5);
  EXPECT_EQ(result.error().message.find("secret-token"), std::string::npos);
}

TEST_F(VkClientTest, TransportHttpAndParseFailuresAreClassified) {
  transport.replies.emplace_back(domain::unexpected(TransportError{TransportError::Kind::timeout, "timed out"}));
  reply(502, "<html>bad gateway</html>");
  reply(200, R"({"response": {"count": 1, "items": [)");
  reply(200, R"({"response": {"count": "1", "items": []}})");

  auto timeout = client.call(wall_get(-1, 0), "t");
  EXPECT_EQ(timeout.error().code, "vk_timeout");
  EXPECT_EQ(timeout.error().action, ErrorAction::retry_backoff);

  auto gateway = client.call(wall_get(-1, 0), "t");
  EXPECT_EQ(gateway.error().http_status, 502);
  EXPECT_EQ(gateway.error().action, ErrorAction::retry_backoff);

  auto truncated = client.call(wall_get(-1, 0), "t", parse_wall_get);
  EXPECT_EQ(truncated.error().code, "vk_malformed_response");
  EXPECT_EQ(truncated.error().action, ErrorAction::retry_backoff);

  auto shape = client.call(wall_get(-1, 0), "t", parse_wall_get);
  EXPECT_EQ(shape.error().code, "vk_unexpected_response");
  EXPECT_NE(shape.error().message.find("response.count"), std::string::npos);
}

TEST_F(VkClientTest, ExecuteSplitsPerCallOutcomes) {
  reply(200, R"({"response": [{"count": 0, "items": []}, false],
                 "execute_errors": [{"method": "wall.getComments", "error_code": 212, "error_msg": "closed"}]})");
  const std::vector<Request> calls{wall_get_comments({.owner_id = -1, .post_id = 1}),
                                   wall_get_comments({.owner_id = -1, .post_id = 2})};
  auto outcomes = client.execute(calls, "t");
  ASSERT_TRUE(outcomes) << outcomes.error().message;
  ASSERT_EQ(outcomes->size(), 2u);
  EXPECT_TRUE(parse_wall_get_comments(std::get<Payload>((*outcomes)[0])));
  EXPECT_EQ(failure_from(std::get<ApiError>((*outcomes)[1])).code, "vk_comments_closed");
  EXPECT_NE(transport.sent[0].second.find("code=return"), std::string::npos);
}

TEST_F(VkClientTest, ExecuteWithWrongResultCountFails) {
  reply(200, R"({"response": [1]})");
  const std::vector<Request> calls{wall_get(-1, 0), wall_get(-1, 100)};
  auto outcomes = client.execute(calls, "t");
  ASSERT_FALSE(outcomes);
  EXPECT_EQ(outcomes.error().code, "vk_unexpected_response");
}

}  // namespace
}  // namespace vka::vk
