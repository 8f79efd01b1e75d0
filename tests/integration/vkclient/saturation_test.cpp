// The real VK client against the real simulator at saturation: several threads share one token's
// pacer for 20 seconds. VK's limit is never broken (no error 6, no one-second window above the
// limit) and the pacer keeps the token busy (at least 95 % of the allowed requests).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <atomic>
#include <thread>
#include <vector>

#include "sim/simulator.hpp"
#include "sim/vk_service.hpp"
#include "vk/http_client.hpp"
#include "vk/pacer.hpp"
#include "vk/request.hpp"
#include "vk/vk_client.hpp"

namespace vka {
namespace {

constexpr int rps = 3;
constexpr auto run_for = std::chrono::seconds{20};

TEST(ClientAgainstSimulator, SaturationKeepsTheLimitAndUsesIt) {
  sim::SimOptions options;
  options.rps = rps;
  options.tokens = {"saturation-token"};  // a declared token: its stats are named by it, not a fingerprint
  sim::Simulator simulator{options};
  simulator.start();
  const auto group_id = simulator.service().dataset().communities().front().id;

  vk::HttpClient http;
  vk::SteadyClock clock;
  vk::Pacer pacer{{.requests_per_window = rps}, clock};
  vk::VkClient client{http, pacer, vk::AccessToken{"saturation-token"}, {.base_url = simulator.base_url()}};

  std::atomic<int> succeeded{0}, failed{0};
  const auto deadline = std::chrono::steady_clock::now() + run_for;
  std::vector<std::thread> callers;
  for (int i = 0; i < 4; ++i)
    callers.emplace_back([&, i] {
      while (std::chrono::steady_clock::now() < deadline) {
        const auto result = client.call(vk::wall_get(-group_id, 0, 10), i % 2 ? "task-a" : "task-b");
        (result ? succeeded : failed)++;
      }
    });
  for (auto& caller : callers) caller.join();
  simulator.stop();

  const auto stats = simulator.service().stats();
  EXPECT_EQ(failed.load(), 0);
  const auto count = [](const boost::json::value& v) { return boost::json::value_to<std::int64_t>(v); };
  EXPECT_EQ(count(stats.at("rate_violations")), 0);
  const auto& token = stats.at("tokens").as_object().at("saturation-token").as_object();
  EXPECT_LE(count(token.at("max_requests_per_second")), rps);
  // 20 s of grants three at a time, 1.05 s apart: 57 is 95 % of the 60 the limit allows.
  EXPECT_GE(succeeded.load(), 57);
}

}  // namespace
}  // namespace vka
