#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>
#include <thread>

#include "store_fixture.hpp"

namespace vka::store::testing {
namespace {

using namespace std::chrono_literals;

class SendLedgerTest : public StoreTest {
 protected:
  std::vector<std::int64_t> booked(const std::string& token_key) {
    std::vector<std::int64_t> times;
    for (const auto& value :
         raw()->column("SELECT sent_at FROM vk_token_sends WHERE token_key = '" + token_key + "' ORDER BY sent_at"))
      times.push_back(std::stoll(value.value()));
    return times;
  }
};

TEST_P(SendLedgerTest, TheSendPastTheLimitIsRefusedUntilTheWindowOfTheFirstHasPassed) {
  auto& ledger = store_->vk_sends();
  for (int i = 0; i < 3; ++i) EXPECT_EQ(ledger.book("k", 3, 2s), 0us) << "send " << i << " is within the limit";
  const auto wait = ledger.book("k", 3, 2s);
  EXPECT_GT(wait, 1500ms);
  EXPECT_LE(wait, 2s);
  EXPECT_EQ(booked("k").size(), 3u) << "a refused booking leaves nothing";
}

TEST_P(SendLedgerTest, TokensHaveTheirOwnLimits) {
  auto& ledger = store_->vk_sends();
  for (int i = 0; i < 3; ++i) ledger.book("a", 3, 10s);
  EXPECT_EQ(ledger.book("b", 3, 10s), 0us);
  EXPECT_GT(ledger.book("a", 3, 10s), 9s);
}

TEST_P(SendLedgerTest, BookingsOlderThanTheWindowAreForgotten) {
  auto& ledger = store_->vk_sends();
  ledger.book("k", 1, 1ms);
  std::this_thread::sleep_for(5ms);
  EXPECT_EQ(ledger.book("k", 1, 1ms), 0us);
  EXPECT_EQ(booked("k").size(), 1u);
}

// Two stores stand in for two processes sharing one token: four threads book concurrently, each waiting as
// told and asking again, and the booked sends never put more than the limit in any window.
TEST_P(SendLedgerTest, ConcurrentProcessesNeverExceedTheLimitInAnyWindow) {
  auto other = open_store(url());
  constexpr std::size_t limit = 3;
  constexpr auto window = 300ms;
  std::mutex mutex;
  std::vector<std::chrono::system_clock::time_point> sends;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      Store& store = t % 2 ? *other : *store_;
      for (int i = 0; i < 3; ++i) {
        for (auto wait = store.vk_sends().book("shared", limit, window); wait > 0us;
             wait = store.vk_sends().book("shared", limit, window))
          std::this_thread::sleep_for(wait);
        std::lock_guard guard(mutex);
        sends.push_back(std::chrono::system_clock::now());
      }
    });
  }
  for (auto& thread : threads) thread.join();
  std::sort(sends.begin(), sends.end());
  ASSERT_EQ(sends.size(), 12u);
  // A send follows its booking within a transaction's time; 100 ms absorbs scheduling noise on a busy
  // machine (without the shared ledger all twelve would leave at once).
  for (std::size_t i = limit; i < sends.size(); ++i)
    EXPECT_GE(sends[i] - sends[i - limit], window - 100ms) << "sends " << i - limit << " and " << i;
  const auto times = booked("shared");
  for (std::size_t i = limit; i < times.size(); ++i) EXPECT_GE(times[i] - times[i - limit], 300'000);
}

INSTANTIATE_TEST_SUITE_P(Engines, SendLedgerTest, engines(), engine_name);

}  // namespace
}  // namespace vka::store::testing
