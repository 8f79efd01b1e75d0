// The real VK client against the real simulator injecting every fault it knows (HTTP 5xx, errors 10 and
// 9, truncated JSON, stalls): each call either succeeds or fails with the transient class its fault
// belongs to, and retrying makes every call succeed in the end, with the same answer as without faults.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "sim/simulator.hpp"
#include "sim/vk_service.hpp"
#include "vk/http_client.hpp"
#include "vk/pacer.hpp"
#include "vk/parse.hpp"
#include "vk/request.hpp"
#include "vk/vk_client.hpp"

namespace vka {
namespace {

using namespace std::chrono_literals;

TEST(ClientAgainstSimulator, WithFaultsEveryCallIsClassifiedAndEventuallySucceeds) {
  sim::SimOptions options;
  options.rps = 3;
  options.fault_rate = 0.4;
  options.stall = 1500ms;
  sim::Simulator simulator{options};
  simulator.start();
  const auto group_id = simulator.service().dataset().communities().front().id;

  vk::HttpClient http{{.read_timeout = 500ms}};  // shorter than a stall
  vk::SteadyClock clock;
  vk::Pacer pacer{{.requests_per_window = 3}, clock};
  vk::VkClient client{http, pacer, vk::AccessToken{"faults-token"}, {.base_url = simulator.base_url()}};

  // What each injected fault must be taken for: all of them are worth retrying.
  const std::map<std::string, vk::ErrorAction> expected{
      {"vk_http_unavailable", vk::ErrorAction::retry_backoff},    // HTTP 5xx
      {"vk_internal_error", vk::ErrorAction::retry_backoff},      // error 10
      {"vk_flood_control", vk::ErrorAction::flood_backoff},       // error 9
      {"vk_malformed_response", vk::ErrorAction::retry_backoff},  // truncated JSON
      {"vk_timeout", vk::ErrorAction::retry_backoff},             // a stall past the read timeout
  };
  std::set<std::string> seen;
  std::set<std::int64_t> post_ids;
  for (int page = 0; page < 4; ++page) {
    bool succeeded = false;
    for (int attempt = 0; attempt < 15 && !succeeded; ++attempt) {
      const auto result = client.call(vk::wall_get(-group_id, page, 1), "faults", vk::parse_wall_get);
      if (result) {
        succeeded = true;
        for (const auto& post : result->items) post_ids.insert(post.id);
        continue;
      }
      const auto known = expected.find(result.error().code);
      ASSERT_NE(known, expected.end()) << "unexpected failure " << result.error().code << ": "
                                       << result.error().message;
      EXPECT_EQ(result.error().action, known->second) << result.error().code;
      seen.insert(result.error().code);
    }
    EXPECT_TRUE(succeeded) << "page " << page << " never succeeded";
  }
  simulator.stop();
  EXPECT_EQ(post_ids.size(), 4u) << "each page answered with its own post";
  EXPECT_GE(seen.size(), 2u) << "faults were injected and seen";
}

}  // namespace
}  // namespace vka
