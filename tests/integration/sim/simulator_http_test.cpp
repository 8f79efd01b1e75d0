// The simulator over real HTTP: a Beast client against Simulator on a free port.
#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json/parse.hpp>

#include "sim/simulator.hpp"
#include "sim/vk_service.hpp"

namespace vka::sim {
namespace {

namespace asio = boost::asio;
namespace bhttp = boost::beast::http;
namespace json = boost::json;

struct Reply {
  int status = 0;
  std::string body;
};

Reply send(std::uint16_t port, bhttp::verb verb, const std::string& target, const std::string& body = "") {
  asio::io_context io;
  asio::ip::tcp::resolver resolver{io};
  boost::beast::tcp_stream stream{io};
  stream.connect(resolver.resolve("127.0.0.1", std::to_string(port)));
  bhttp::request<bhttp::string_body> request{verb, target, 11};
  request.set(bhttp::field::host, "127.0.0.1");
  if (verb == bhttp::verb::post) request.set(bhttp::field::content_type, "application/x-www-form-urlencoded");
  request.body() = body;
  request.prepare_payload();
  bhttp::write(stream, request);
  boost::beast::flat_buffer buffer;
  bhttp::response<bhttp::string_body> response;
  bhttp::read(stream, buffer, response);
  return {static_cast<int>(response.result_int()), response.body()};
}

json::value method(std::uint16_t port, const std::string& name, const std::string& params,
                   const std::string& token = "t1") {
  const auto reply = send(port, bhttp::verb::post, "/method/" + name, params + "&access_token=" + token + "&v=5.199");
  EXPECT_EQ(reply.status, 200);
  return json::parse(reply.body);
}

class SimulatorHttp : public ::testing::Test {
 protected:
  void SetUp() override {
    SimOptions options;
    options.dataset.seed = 5;
    options.dataset.posts = 8;
    options.dataset.comments_mean = 10;
    options.dataset.long_thread_replies = 110;
    options.tokens = {"t1", "t2"};
    options.debug_routes = true;
    simulator = std::make_unique<Simulator>(options);
    simulator->start("127.0.0.1", 0);
    port = simulator->port();
  }
  void TearDown() override { simulator->stop(); }

  std::unique_ptr<Simulator> simulator;
  std::uint16_t port = 0;
};

TEST_F(SimulatorHttp, ServesMethodsOnVkUrls) {
  EXPECT_EQ(simulator->base_url(), "http://127.0.0.1:" + std::to_string(port) + "/method");
  const auto& news = *simulator->service().dataset().community_by_screen_name("sim_news");
  const auto resolved = method(port, "utils.resolveScreenName", "screen_name=sim_news");
  EXPECT_EQ(resolved.at("response").at("object_id").as_int64(), news.id);
  const auto wall = method(port, "wall.get", "owner_id=-" + std::to_string(news.id) + "&count=2");
  EXPECT_EQ(wall.at("response").at("count").as_int64(), 8);
  EXPECT_EQ(wall.at("response").at("items").at(0).at("is_pinned").as_int64(), 1);
  const auto got = send(port, bhttp::verb::get, "/method/groups.getById?group_ids=sim_news&access_token=t2&v=5.199");
  EXPECT_EQ(json::parse(got.body).at("response").at("groups").at(0).at("id").as_int64(), news.id);
  EXPECT_EQ(method(port, "users.get", "user_ids=1", "intruder").at("error").at("error_code").as_int64(), 5);
}

TEST_F(SimulatorHttp, ExecuteWithAFailingInnerCall) {
  const auto& data = simulator->service().dataset();
  const Community* closed = nullptr;
  for (const auto& c : data.communities())
    if (c.comments_closed) closed = &c;
  ASSERT_NE(closed, nullptr);
  const auto post = data.wall(closed->id)[0].id;
  const auto reply = method(port, "execute",
                            "code=return%20%5BAPI.wall.getComments(%7B%22owner_id%22%3A-" + std::to_string(closed->id) +
                                "%2C%22post_id%22%3A" + std::to_string(post) + "%7D)%2C1%5D%3B");
  EXPECT_EQ(reply.at("response"), (json::array{false, 1}));
  EXPECT_EQ(reply.at("execute_errors").at(0).at("error_code").as_int64(), 212);
}

TEST_F(SimulatorHttp, RateLimitAndStats) {
  int violations = 0;
  for (int i = 0; i < 5; ++i) {
    const auto reply = method(port, "execute", "code=return%201%3B", "t2");
    if (reply.as_object().contains("error")) {
      EXPECT_EQ(reply.at("error").at("error_code").as_int64(), 6);
      EXPECT_EQ(reply.at("error").at("error_msg"), "Too many requests per second");
      ++violations;
    }
  }
  // Five requests from one client arrive well within a second: at most three are admitted.
  EXPECT_GE(violations, 2);
  const auto stats = json::parse(send(port, bhttp::verb::get, "/_sim/stats").body);
  EXPECT_EQ(stats.at("rate_violations").to_number<std::uint64_t>(), static_cast<std::uint64_t>(violations));
  EXPECT_EQ(stats.at("tokens").at("t2").at("requests").to_number<std::uint64_t>(), 5u);
  EXPECT_EQ(stats.at("tokens").at("t2").at("max_requests_per_second").to_number<std::uint64_t>(), 5u);
  EXPECT_EQ(stats.at("requests").at("execute").at("ok").to_number<std::uint64_t>(),
            static_cast<std::uint64_t>(5 - violations));
  const auto truth = json::parse(send(port, bhttp::verb::get, "/_sim/truth").body);
  EXPECT_EQ(truth.at("communities").as_array().size(), 6u);
  EXPECT_EQ(truth.at("posts").as_array().size(), 48u);
  EXPECT_TRUE(truth.at("comments").at(0).as_object().contains("sentiment_label"));
  EXPECT_EQ(send(port, bhttp::verb::post, "/_sim/stats/reset").status, 200);
  EXPECT_EQ(json::parse(send(port, bhttp::verb::get, "/_sim/stats").body)
                .at("totals")
                .at("requests")
                .to_number<std::uint64_t>(),
            0u);
}

}  // namespace
}  // namespace vka::sim
