#include "collect/vk_gateway.hpp"

#include <gtest/gtest.h>

#include <deque>
#include <functional>
#include <mutex>

namespace vka::collect {
namespace {

struct Sent {
  std::string method;  // the last path segment of the URL
  std::string body;
};

// Answers each POST with the next scripted reply (a function of what was sent) and records it.
class ScriptedTransport final : public vk::HttpTransport {
 public:
  using Reply = std::function<vk::HttpResponse(const Sent&)>;
  void then(Reply reply) { replies_.push_back(std::move(reply)); }
  void then_body(std::string body) {
    then([body](const Sent&) { return vk::HttpResponse{200, body}; });
  }
  domain::Result<vk::HttpResponse, vk::TransportError> post(std::string_view url, std::string_view body) override {
    std::lock_guard guard(mutex_);
    Sent sent{std::string(url.substr(url.rfind('/') + 1)), std::string(body)};
    sent_.push_back(sent);
    if (replies_.empty())
      return domain::unexpected(vk::TransportError{vk::TransportError::Kind::io, "no reply scripted"});
    auto reply = std::move(replies_.front());
    replies_.pop_front();
    return reply(sent);
  }
  const std::vector<Sent>& sent() const { return sent_; }

 private:
  std::mutex mutex_;
  std::deque<Reply> replies_;
  std::vector<Sent> sent_;
};

class RecordingObserver final : public VkObserver {
 public:
  void on_vk_request(std::string_view method, std::string_view outcome) override {
    requests.push_back(std::string(method) + ":" + std::string(outcome));
  }
  void on_pacer_wait(vk::Clock::duration) override { ++waits; }
  std::vector<std::string> requests;
  int waits = 0;
};

const std::string kProbeOk = R"({"response":1})";
const std::string kProbe28 = R"({"error":{"error_code":28,"error_msg":"Application authorization failed"}})";

std::string error_body(int code) {
  return R"({"error":{"error_code":)" + std::to_string(code) + R"(,"error_msg":"x"}})";
}

std::string array_of_ones(std::size_t n) {
  std::string out = R"({"response":[)";
  for (std::size_t i = 0; i < n; ++i) out += (i ? ",1" : "1");
  return out + "]}";
}

std::vector<vk::Request> calls(int n, const std::string& method = "wall.get") {
  std::vector<vk::Request> out;
  for (int i = 0; i < n; ++i) out.push_back({method, {{"owner_id", "-" + std::to_string(i + 1)}}});
  return out;
}

class GatewayTest : public ::testing::Test {
 protected:
  std::unique_ptr<VkGateway> gateway(int tokens = 1) {
    std::vector<TokenConfig> configs;
    for (int i = 0; i < tokens; ++i) configs.push_back({vk::AccessToken("token-" + std::to_string(i)), 3});
    GatewayOptions options;
    options.base_url = "http://vk.test/method";
    return std::make_unique<VkGateway>(transport_, clock_, std::move(configs), options, observer_, [] { return 0.5; });
  }

  static bool ok(const CallResult& r) { return std::holds_alternative<vk::Payload>(r); }
  static const vk::VkFailure& failure(const CallResult& r) { return std::get<vk::VkFailure>(r); }

  ScriptedTransport transport_;
  vk::VirtualClock clock_;
  std::shared_ptr<RecordingObserver> observer_ = std::make_shared<RecordingObserver>();
};

TEST_F(GatewayTest, ProbesOnceThenBatchesInOneExecute) {
  auto g = gateway();
  transport_.then_body(kProbeOk);
  transport_.then_body(array_of_ones(3));
  transport_.then_body(array_of_ones(2));
  auto first = g->send(calls(3), "t1");
  auto second = g->send(calls(2), "t1");
  ASSERT_EQ(first.calls.size(), 3u);
  for (const auto& r : first.calls) EXPECT_TRUE(ok(r));
  EXPECT_TRUE(ok(second.calls[1]));
  EXPECT_EQ(first.vk_requests, 2);
  EXPECT_EQ(second.vk_requests, 1);
  ASSERT_EQ(transport_.sent().size(), 3u);
  EXPECT_EQ(transport_.sent()[0].method, "execute");
  EXPECT_NE(transport_.sent()[0].body.find("return+1%3B"), std::string::npos);
  EXPECT_NE(transport_.sent()[1].body.find("API.wall.get"), std::string::npos);
  EXPECT_TRUE(g->batches(0));
  EXPECT_EQ(observer_->requests.front(), "execute:ok");
  EXPECT_EQ(observer_->waits, 2);  // the probe's answer carries no wait report
}

TEST_F(GatewayTest, Error28OnProbeFallsBackToSingleCalls) {
  auto g = gateway();
  transport_.then_body(kProbe28);
  for (int i = 0; i < 3; ++i) transport_.then_body(R"({"response":{"count":0,"items":[]}})");
  const auto result = g->send(calls(3), "t1");
  for (const auto& r : result.calls) EXPECT_TRUE(ok(r));
  EXPECT_FALSE(g->batches(0));
  ASSERT_EQ(transport_.sent().size(), 4u);
  EXPECT_EQ(transport_.sent()[1].method, "wall.get");
  EXPECT_EQ(result.vk_requests, 4);
}

TEST_F(GatewayTest, Error28OnExecuteResendsAsSingleCallsWithoutLosingWork) {
  auto g = gateway();
  transport_.then_body(kProbeOk);
  transport_.then_body(kProbe28);
  transport_.then_body(R"({"response":1})");
  transport_.then_body(R"({"response":2})");
  const auto result = g->send(calls(2), "t1");
  EXPECT_TRUE(ok(result.calls[0]));
  EXPECT_TRUE(ok(result.calls[1]));
  EXPECT_FALSE(g->batches(0));
  EXPECT_EQ(transport_.sent().size(), 4u);
}

TEST_F(GatewayTest, Error6HoldsThePacerAndRetries) {
  auto g = gateway();
  transport_.then_body(kProbeOk);
  transport_.then_body(error_body(6));
  transport_.then_body(array_of_ones(2));
  const auto before = clock_.now();
  const auto result = g->send(calls(2), "t1");
  EXPECT_TRUE(ok(result.calls[0]));
  EXPECT_EQ(g->rate_errors(), 1);
  EXPECT_EQ(result.retries, 1);
  EXPECT_GE(clock_.now() - before, std::chrono::seconds(1));
  EXPECT_EQ(observer_->requests[1], "execute:vk_too_many_requests");
}

TEST_F(GatewayTest, Error13HalvesTheBatch) {
  auto g = gateway();
  transport_.then_body(kProbeOk);
  transport_.then_body(error_body(13));
  std::vector<std::size_t> batch_sizes;
  for (int i = 0; i < 2; ++i) {
    transport_.then([&batch_sizes](const Sent& sent) {
      std::size_t n = 0;
      for (std::size_t at = sent.body.find("API."); at != std::string::npos; at = sent.body.find("API.", at + 1)) ++n;
      batch_sizes.push_back(n);
      return vk::HttpResponse{200, array_of_ones(n)};
    });
  }
  const auto result = g->send(calls(8), "t1");
  for (const auto& r : result.calls) EXPECT_TRUE(ok(r));
  EXPECT_EQ(batch_sizes, (std::vector<std::size_t>{4, 4}));
  EXPECT_EQ(result.vk_requests, 4);
}

TEST_F(GatewayTest, InnerErrorsStayWithTheirCall) {
  auto g = gateway();
  transport_.then_body(kProbeOk);
  transport_.then_body(
      R"({"response":[1,false,3],"execute_errors":[{"method":"wall.getComments","error_code":212,"error_msg":"closed"}]})");
  const auto result = g->send(calls(3, "wall.getComments"), "t1");
  EXPECT_TRUE(ok(result.calls[0]));
  ASSERT_FALSE(ok(result.calls[1]));
  EXPECT_EQ(failure(result.calls[1]).code, "vk_comments_closed");
  EXPECT_EQ(failure(result.calls[1]).vk_error_code, 212);
  EXPECT_TRUE(ok(result.calls[2]));
}

TEST_F(GatewayTest, TransientFailuresAreRetriedWithBackoff) {
  auto g = gateway();
  transport_.then_body(kProbeOk);
  transport_.then([](const Sent&) { return vk::HttpResponse{502, "bad gateway"}; });
  transport_.then_body(R"({"response":[1,2)");  // truncated
  transport_.then_body(
      R"({"response":[1,false],"execute_errors":[{"method":"wall.get","error_code":10,"error_msg":"internal"}]})");
  transport_.then_body(R"({"response":[2]})");
  const auto result = g->send(calls(2), "t1");
  EXPECT_TRUE(ok(result.calls[0]));
  EXPECT_TRUE(ok(result.calls[1]));
  EXPECT_EQ(result.retries, 3);
  EXPECT_EQ(result.vk_requests, 5);
}

TEST_F(GatewayTest, PersistentTransientFailureIsReportedAfterTheAttempts) {
  auto g = gateway();
  transport_.then_body(R"({"response":{"count":0,"items":[]}})");  // a single call needs no probe
  for (int i = 0; i < 10; ++i) transport_.then([](const Sent&) { return vk::HttpResponse{503, ""}; });
  const auto first = g->send(calls(1), "t1");
  EXPECT_TRUE(ok(first.calls[0]));
  const auto second = g->send(calls(1), "t1");
  ASSERT_FALSE(ok(second.calls[0]));
  EXPECT_TRUE(is_transient(failure(second.calls[0])));
  EXPECT_EQ(second.vk_requests, 5);
}

TEST_F(GatewayTest, CircuitBreakerStopsSendingWhileVkKeepsFailing) {
  auto g = gateway();
  for (int i = 0; i < 5; ++i) transport_.then([](const Sent&) { return vk::HttpResponse{500, ""}; });
  g->send(calls(1), "t1");
  const auto sent_before = transport_.sent().size();
  const auto result = g->send(calls(1), "t1");
  EXPECT_EQ(transport_.sent().size(), sent_before);
  EXPECT_EQ(failure(result.calls[0]).code, "vk_unavailable");
  EXPECT_TRUE(is_transient(failure(result.calls[0])));
}

TEST_F(GatewayTest, WhileTheBreakerIsOpenCallsFailWithTheCauseThatOpenedItAndSayForHowLong) {
  auto g = gateway();
  EXPECT_EQ(g->paused_for(), vk::Clock::duration::zero());
  g->send(calls(1), "t1");  // nothing scripted: every request fails in the network, five times
  const auto sent_before = transport_.sent().size();
  const auto result = g->send(calls(2), "t1");
  EXPECT_EQ(transport_.sent().size(), sent_before);
  for (const auto& call : result.calls) {
    EXPECT_EQ(failure(call).code, "vk_unavailable");
    EXPECT_EQ(failure(call).message, "VK unreachable: no reply scripted");
  }
  EXPECT_GT(g->paused_for(), vk::Clock::duration::zero());
  EXPECT_LE(g->paused_for(), vk::BreakerOptions{}.cool_down);
  clock_.advance(vk::BreakerOptions{}.cool_down);
  EXPECT_EQ(g->paused_for(), vk::Clock::duration::zero());
}

TEST(IsTransient, EverythingVkAsksToWaitForIsTransientTokenAndRequestProblemsAreNot) {
  using A = vk::ErrorAction;
  const auto with = [](A action) {
    vk::VkFailure f;
    f.action = action;
    return f;
  };
  for (const A action : {A::retry_backoff, A::wait_rate, A::flood_backoff, A::quota, A::park_token})
    EXPECT_TRUE(is_transient(with(action))) << vk::to_string(action);
  for (const A action : {A::skip_record, A::retire_token, A::wrong_token_type, A::smaller_batch, A::fail})
    EXPECT_FALSE(is_transient(with(action))) << vk::to_string(action);
}

TEST_F(GatewayTest, QuotaParksTheTokenForThatMethodAndUsesAnother) {
  auto g = gateway(2);
  transport_.then_body(error_body(29));  // token 0, wall.get
  transport_.then_body(R"({"response":"from token 1"})");
  transport_.then_body(R"({"response":"comments on token 0"})");
  const auto first = g->send(calls(1), "t1");
  EXPECT_TRUE(ok(first.calls[0]));
  EXPECT_NE(transport_.sent()[1].body.find("token-1"), std::string::npos);
  const auto second = g->send(calls(1, "wall.getComments"), "t1");
  EXPECT_TRUE(ok(second.calls[0]));
  EXPECT_NE(transport_.sent()[2].body.find("token-0"), std::string::npos);
}

TEST_F(GatewayTest, QuotaOnTheOnlyTokenIsTransient) {
  auto g = gateway();
  transport_.then_body(error_body(29));
  const auto result = g->send(calls(1), "t1");
  ASSERT_FALSE(ok(result.calls[0]));
  EXPECT_EQ(failure(result.calls[0]).code, "vk_rate_limit_reached");
  EXPECT_TRUE(is_transient(failure(result.calls[0])));
  EXPECT_EQ(transport_.sent().size(), 1u);
}

TEST_F(GatewayTest, InvalidTokenIsRetiredAndNoneLeftFailsForGood) {
  auto g = gateway(2);
  transport_.then_body(error_body(5));
  transport_.then_body(error_body(5));
  const auto result = g->send(calls(1), "t1");
  EXPECT_TRUE(g->retired(0));
  EXPECT_TRUE(g->retired(1));
  ASSERT_FALSE(ok(result.calls[0]));
  EXPECT_EQ(failure(result.calls[0]).code, "vk_no_usable_token");
  EXPECT_TRUE(is_token_exhaustion(failure(result.calls[0])));
  for (const auto& sent : transport_.sent()) EXPECT_EQ(sent.body.find("token-"), sent.body.rfind("token-"));
}

TEST_F(GatewayTest, ARefusedTokenSaysVkRefusedItAndWhyWithoutTheToken) {
  auto g = gateway();
  transport_.then_body(error_body(5));
  const auto result = g->send(calls(1), "t1");
  ASSERT_FALSE(ok(result.calls[0]));
  const auto& f = failure(result.calls[0]);
  EXPECT_EQ(f.code, "vk_no_usable_token");
  EXPECT_EQ(f.vk_error_code, 5);
  EXPECT_TRUE(f.message.starts_with("the VK token was refused by VK (VK error 5: ")) << f.message;
  EXPECT_EQ(f.message.find("no VK token can call"), std::string::npos);
  EXPECT_EQ(f.message.find("token-0"), std::string::npos);
}

TEST_F(GatewayTest, StopLeavesCallsUnsent) {
  auto g = gateway();
  const auto result = g->send(calls(2), "t1", [] { return true; });
  EXPECT_TRUE(transport_.sent().empty());
  EXPECT_TRUE(is_transient(failure(result.calls[0])));
}

}  // namespace
}  // namespace vka::collect

namespace vka::collect {
namespace {

TEST_F(GatewayTest, EndlessError6GivesUpAfterTheAttempts) {
  auto g = gateway();
  transport_.then_body(kProbeOk);
  for (int i = 0; i < 10; ++i) transport_.then_body(error_body(6));
  const auto result = g->send(calls(2), "t1");
  ASSERT_FALSE(ok(result.calls[0]));
  EXPECT_EQ(failure(result.calls[0]).code, "vk_too_many_requests");
  EXPECT_EQ(g->rate_errors(), 5);
}

}  // namespace
}  // namespace vka::collect
