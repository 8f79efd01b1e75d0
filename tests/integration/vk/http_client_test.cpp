#include "vk/http_client.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "local_http_server.hpp"

namespace vka::vk {
namespace {

using testing::LocalHttpServer;

TEST(HttpClient, KeepAliveReusesOneConnection) {
  LocalHttpServer server;
  HttpClient client;
  for (int i = 0; i < 5; ++i) {
    auto response = client.post(server.url("/echo"), "a=" + std::to_string(i));
    ASSERT_TRUE(response) << response.error().message;
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->body, "a=" + std::to_string(i));
  }
  EXPECT_EQ(client.connections_opened(), 1u);
  EXPECT_EQ(server.accepted(), 1);
}

TEST(HttpClient, ServerErrorKeepsStatusAndBody) {
  LocalHttpServer server;
  HttpClient client;
  auto response = client.post(server.url("/fail"), "x=1");
  ASSERT_TRUE(response) << response.error().message;
  EXPECT_EQ(response->status, 500);
  EXPECT_EQ(response->body, "oops");
}

TEST(HttpClient, ReadTimeoutIsReported) {
  LocalHttpServer server;
  HttpClient client({.read_timeout = std::chrono::milliseconds(100)});
  auto response = client.post(server.url("/slow"), "x=1");
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().kind, TransportError::Kind::timeout);
  // The timed-out connection is not reused.
  auto next = client.post(server.url("/echo"), "y=2");
  ASSERT_TRUE(next) << next.error().message;
  EXPECT_EQ(client.connections_opened(), 2u);
}

TEST(HttpClient, ConnectionClosedByServerWhileIdleIsReplacedTransparently) {
  LocalHttpServer server;
  HttpClient client;
  ASSERT_TRUE(client.post(server.url("/drop"), "x=1"));
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  auto response = client.post(server.url("/echo"), "y=2");
  ASSERT_TRUE(response) << response.error().message;
  EXPECT_EQ(response->body, "y=2");
  EXPECT_EQ(client.connections_opened(), 2u);
}

TEST(HttpClient, RefusedConnectionIsAConnectError) {
  int port = 0;
  {
    LocalHttpServer server;
    port = std::stoi(server.url("").substr(std::string("http://127.0.0.1:").size()));
  }
  HttpClient client({.connect_timeout = std::chrono::milliseconds(500)});
  auto response = client.post("http://127.0.0.1:" + std::to_string(port) + "/echo", "x=1");
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().kind, TransportError::Kind::connect);
}

TEST(HttpClient, AddressesTheCallerRefusesAreNeverConnectedTo) {
  LocalHttpServer server;
  std::vector<std::string> asked;
  HttpClient client({.address_allowed = [&](std::string_view address) {
    asked.emplace_back(address);
    return false;
  }});
  auto response = client.post(server.url("/echo"), "x=1");
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().kind, TransportError::Kind::refused_address);
  EXPECT_EQ(asked, std::vector<std::string>{"127.0.0.1"});
  EXPECT_EQ(server.accepted(), 0);
}

TEST(HttpClient, SendPostsAnyBodyToAnAllowedAddress) {
  LocalHttpServer server;
  HttpClient client({.address_allowed = [](std::string_view address) { return address == "127.0.0.1"; }});
  auto response = client.send({.url = server.url("/echo"),
                               .content_type = "application/json",
                               .headers = {{"X-Test", "1"}},
                               .body = R"({"event":"task.completed"})"});
  ASSERT_TRUE(response) << response.error().message;
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, R"({"event":"task.completed"})");
}

TEST(HttpClient, BadUrlsAreRejected) {
  HttpClient client;
  EXPECT_EQ(client.post("not a url", "").error().kind, TransportError::Kind::bad_url);
  EXPECT_EQ(client.post("ftp://example.com/x", "").error().kind, TransportError::Kind::bad_url);
}

TEST(HttpClient, OversizedResponseIsRejected) {
  LocalHttpServer server;
  HttpClient client({.max_body_bytes = 10});
  auto response = client.post(server.url("/echo"), std::string(100, 'x'));
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().kind, TransportError::Kind::too_large);
}

TEST(HttpClient, ConcurrentCallersEachGetTheirOwnAnswer) {
  LocalHttpServer server;
  HttpClient client;
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) {
        const std::string body = "t=" + std::to_string(t) + "&i=" + std::to_string(i);
        auto response = client.post(server.url("/echo"), body);
        if (response && response->body == body) ++ok;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(ok, 80);
  EXPECT_LE(client.connections_opened(), 4u);
}

}  // namespace
}  // namespace vka::vk
