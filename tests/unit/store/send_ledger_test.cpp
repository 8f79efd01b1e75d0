#include <gtest/gtest.h>

#include <vector>

#include "store/send_ledger_repository.hpp"

namespace vka::store {
namespace {

TEST(NextSendAt, AFreshTokenSendsNow) { EXPECT_EQ(next_send_at(1000, {}, 3, 500), 1000); }

TEST(NextSendAt, WithinTheLimitSendsNowButAfterTheLatest) {
  const std::vector<std::int64_t> recent{990, 980};
  EXPECT_EQ(next_send_at(1000, recent, 3, 500), 1000);
  const std::vector<std::int64_t> same_instant{1000};
  EXPECT_EQ(next_send_at(1000, same_instant, 3, 500), 1001) << "bookings of one token are strictly ordered";
}

TEST(NextSendAt, AtTheLimitWaitsAWindowAfterTheLimitThLatest) {
  const std::vector<std::int64_t> recent{990, 980, 700};
  EXPECT_EQ(next_send_at(1000, recent, 3, 500), 1200);
  EXPECT_EQ(next_send_at(1300, recent, 3, 500), 1300) << "the window has passed";
}

TEST(NextSendAt, BookingsAlreadyInTheFutureQueueBehindEachOther) {
  const std::vector<std::int64_t> recent{2000, 1500, 1000};
  EXPECT_EQ(next_send_at(1100, recent, 3, 1000), 2000 + 1) << "after the latest, since 1000 + window is 2000";
  EXPECT_EQ(next_send_at(1100, recent, 2, 1000), 2500);
}

}  // namespace
}  // namespace vka::store
