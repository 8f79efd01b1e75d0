#include "vk/pacer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <stdexcept>
#include <thread>

namespace vka::vk {
namespace {

using namespace std::chrono_literals;
using time_point = Clock::time_point;

// Every window of `window` length holds at most `limit` of the sorted grant times.
void expect_within_limit(const std::vector<time_point>& grants, std::size_t limit, Clock::duration window) {
  for (std::size_t i = limit; i < grants.size(); ++i) {
    ASSERT_GE(grants[i] - grants[i - limit], window) << "grant " << i << " breaks the window";
  }
}

TEST(SlidingWindow, AllowsLimitThenWaitsForOldestToAge) {
  SlidingWindow window(3, 1s);
  const time_point t0{};
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(window.next_grant_time(t0 + i * 10ms), t0 + i * 10ms);
    window.record(t0 + i * 10ms);
  }
  EXPECT_EQ(window.next_grant_time(t0 + 20ms), t0 + 1s);
  window.record(t0 + 1s);
  EXPECT_EQ(window.next_grant_time(t0 + 1s), t0 + 1s + 10ms);
}

TEST(SlidingWindow, HoldDelaysGrants) {
  SlidingWindow window(3, 1s);
  window.hold_until(time_point{} + 5s);
  EXPECT_EQ(window.next_grant_time(time_point{}), time_point{} + 5s);
  EXPECT_EQ(window.next_grant_time(time_point{} + 6s), time_point{} + 6s);
}

TEST(SlidingWindow, ZeroLimitIsRejected) { EXPECT_THROW(SlidingWindow(0, 1s), std::invalid_argument); }

TEST(FairQueue, RoundRobinBetweenTasksFifoWithin) {
  FairQueue queue;
  const auto a1 = queue.enqueue("a");
  const auto a2 = queue.enqueue("a");
  const auto a3 = queue.enqueue("a");
  const auto b1 = queue.enqueue("b");
  const auto b2 = queue.enqueue("b");
  std::vector<FairQueue::Ticket> order;
  while (!queue.empty()) {
    order.push_back(*queue.front());
    queue.pop_front();
  }
  EXPECT_EQ(order, (std::vector<FairQueue::Ticket>{a1, b1, a2, b2, a3}));
  EXPECT_EQ(queue.front(), std::nullopt);
}

TEST(Pacer, NoWindowExceedsLimitAndSaturatedThroughputIsNearLimit) {
  VirtualClock clock;
  const PacerOptions options{.requests_per_window = 3, .window = 1s, .safety_margin = 50ms};
  Pacer pacer(options, clock);
  std::vector<time_point> grants;
  const time_point start = clock.now();
  for (int i = 0; i < 30000; ++i) grants.push_back(pacer.acquire("task"));
  expect_within_limit(grants, 3, 1s + 50ms);
  const double seconds = std::chrono::duration<double>(grants.back() - start).count();
  const double rate = static_cast<double>(grants.size() - 3) / seconds;
  EXPECT_GE(rate, 0.95 * 3) << rate;
  EXPECT_LE(rate, 3.0);
}

TEST(Pacer, CommunityLimitAlsoHolds) {
  VirtualClock clock;
  Pacer pacer({.requests_per_window = 20, .window = 1s, .safety_margin = 10ms}, clock);
  std::vector<time_point> grants;
  for (int i = 0; i < 20000; ++i) {
    grants.push_back(pacer.acquire("t"));
    if (i % 7 == 0) clock.advance(13ms);  // callers that are not always saturating
  }
  expect_within_limit(grants, 20, 1s + 10ms);
}

TEST(Pacer, HoldPausesGrants) {
  VirtualClock clock;
  Pacer pacer({.requests_per_window = 3}, clock);
  const time_point start = clock.now();
  pacer.hold_for(2s);
  EXPECT_EQ(pacer.acquire("t"), start + 2s);
}

TEST(Pacer, ConcurrentTasksShareFairlyAndRespectTheWindow) {
  VirtualClock clock;
  Pacer pacer({.requests_per_window = 3, .window = 1s, .safety_margin = 50ms}, clock);
  std::mutex mutex;
  std::vector<time_point> grants;
  std::map<std::string, int> per_task;
  std::atomic<bool> stop{false};
  std::vector<std::thread> workers;
  for (const char* task : {"a", "a", "b", "b"}) {
    workers.emplace_back([&, task] {
      while (!stop) {
        const time_point at = pacer.acquire(task);
        std::lock_guard guard(mutex);
        grants.push_back(at);
        if (++per_task[task] + per_task[task == std::string("a") ? "b" : "a"] >= 3000) stop = true;
      }
    });
  }
  for (auto& worker : workers) worker.join();
  std::sort(grants.begin(), grants.end());
  expect_within_limit(grants, 3, 1s + 50ms);
  const double share_a = static_cast<double>(per_task["a"]) / static_cast<double>(grants.size());
  EXPECT_NEAR(share_a, 0.5, 0.1) << per_task["a"] << " vs " << per_task["b"];
}

// Two processes' pacers for one token, each booking its grants in one shared ledger (the store's role).
TEST(Pacer, PacersSharingABookingKeepTheLimitTogether) {
  VirtualClock clock;
  SlidingWindow ledger(3, 1s + 50ms);
  const SharedBooking book = [&]() -> Clock::duration {
    const time_point now = clock.now();
    const time_point at = ledger.next_grant_time(now);
    if (at > now) return at - now;
    ledger.record(now);
    return 0ms;
  };
  const PacerOptions options{.requests_per_window = 3, .window = 1s, .safety_margin = 50ms};
  Pacer first(options, clock, book), second(options, clock, book);
  std::vector<time_point> grants;
  for (int i = 0; i < 600; ++i) grants.push_back((i % 3 ? first : second).acquire("t"));
  std::sort(grants.begin(), grants.end());
  expect_within_limit(grants, 3, 1s + 50ms);
}

TEST(Pacer, WaitsAsLongAsTheSharedBookingSaysThenAsksAgain) {
  VirtualClock clock;
  std::vector<Clock::duration> answers{700ms, 200ms, 0ms, 0ms};
  std::size_t asked = 0;
  Pacer pacer({.requests_per_window = 3}, clock, [&] { return answers.at(asked++); });
  const time_point start = clock.now();
  EXPECT_EQ(pacer.acquire("t"), start + 900ms);
  EXPECT_EQ(asked, 3u);
  EXPECT_EQ(pacer.acquire("t"), start + 900ms);
  EXPECT_EQ(asked, 4u);
}

TEST(Pacer, AFailedBookingThrowsAndLetsTheNextCallerThrough) {
  VirtualClock clock;
  int bookings = 0;
  Pacer pacer({.requests_per_window = 3}, clock, [&]() -> Clock::duration {
    if (++bookings == 1) throw std::runtime_error("database unavailable");
    return 0ms;
  });
  EXPECT_THROW(pacer.acquire("t"), std::runtime_error);
  EXPECT_EQ(pacer.acquire("t"), clock.now());
  EXPECT_EQ(bookings, 2);
}

TEST(Pacer, RealClockGrantsRespectTheWindow) {
  SteadyClock clock;
  Pacer pacer({.requests_per_window = 50, .window = 200ms, .safety_margin = 5ms}, clock);
  std::vector<time_point> grants;
  std::mutex mutex;
  std::vector<std::thread> workers;
  for (int w = 0; w < 3; ++w) {
    workers.emplace_back([&, w] {
      for (int i = 0; i < 40; ++i) {
        const time_point at = pacer.acquire(w == 0 ? "a" : "b");
        std::lock_guard guard(mutex);
        grants.push_back(at);
      }
    });
  }
  for (auto& worker : workers) worker.join();
  std::sort(grants.begin(), grants.end());
  ASSERT_EQ(grants.size(), 120u);
  expect_within_limit(grants, 50, 205ms);
}

}  // namespace
}  // namespace vka::vk
