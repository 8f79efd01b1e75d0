#include "app/polling_thread.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <stdexcept>

namespace vka::app {
namespace {

TEST(PollingThread, PassesAgainAtOnceAfterWorkAndStopWakesTheWait) {
  std::atomic<int> passes{0};
  std::promise<void> idle;
  // An hour's poll: only passes that did something can follow each other here.
  PollingThread thread("test", std::chrono::hours{1}, [&] {
    if (++passes < 4) return true;
    if (passes == 4) idle.set_value();
    return false;
  });
  thread.start();
  idle.get_future().wait();
  thread.stop();
  EXPECT_EQ(passes, 4);
}

TEST(PollingThread, APassThatThrowsIsTriedAgain) {
  std::atomic<int> passes{0};
  std::promise<void> again;
  PollingThread thread("test", std::chrono::milliseconds{1}, [&] {
    if (++passes == 1) throw std::runtime_error("the store is away");
    if (passes == 2) again.set_value();
    return false;
  });
  thread.start();
  again.get_future().wait();
  thread.stop();
  EXPECT_GE(passes, 2);
}

}  // namespace
}  // namespace vka::app
