#include <gtest/gtest.h>

#include "store_fixture.hpp"

namespace vka::store::testing {
namespace {

using Outcome = IdempotencyBegin::Outcome;

class IdempotencyTest : public StoreTest {
 protected:
  IdempotencyRepository& repo() { return store_->idempotency(); }
  const StoredResponse response{201,
                                {{"Content-Type", "application/json"}, {"Location", "/api/v1/tasks/t1"}},
                                std::string("{\"data\":1}\0\xff", 12)};
};

TEST_P(IdempotencyTest, FirstRunsThenSameRequestReplaysByteForByte) {
  EXPECT_EQ(repo().begin("alice", "k1", "h1", at(1000)).outcome, Outcome::started);
  EXPECT_EQ(repo().begin("alice", "k1", "h1", at(1001)).outcome, Outcome::in_flight);
  EXPECT_TRUE(repo().complete("alice", "k1", response));
  const auto replay = repo().begin("alice", "k1", "h1", at(1002));
  EXPECT_EQ(replay.outcome, Outcome::replay);
  EXPECT_EQ(replay.response, response);
}

TEST_P(IdempotencyTest, DifferentRequestWithTheSameKeyIsAMismatch) {
  repo().begin("alice", "k1", "h1", at(1000));
  EXPECT_EQ(repo().begin("alice", "k1", "h2", at(1001)).outcome, Outcome::mismatch);
  repo().complete("alice", "k1", response);
  EXPECT_EQ(repo().begin("alice", "k1", "h2", at(1002)).outcome, Outcome::mismatch);
}

TEST_P(IdempotencyTest, KeysAreScopedByOwner) {
  repo().begin("alice", "k1", "h1", at(1000));
  EXPECT_EQ(repo().begin("bob", "k1", "h2", at(1000)).outcome, Outcome::started);
}

TEST_P(IdempotencyTest, EntriesExpireAfterTheTtl) {
  const auto t0 = at(1'000'000);
  repo().begin("alice", "k1", "h1", t0);
  repo().complete("alice", "k1", response);
  EXPECT_EQ(repo().begin("alice", "k1", "h2", t0 + idempotency_ttl - std::chrono::seconds(1)).outcome,
            Outcome::mismatch);
  EXPECT_EQ(repo().begin("alice", "k1", "h2", t0 + idempotency_ttl).outcome, Outcome::started);

  // Every expired entry is purged, not only the key asked about.
  repo().begin("alice", "old", "h", t0);
  repo().begin("bob", "k9", "h", t0 + idempotency_ttl * 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM idempotency_keys"), 1);
}

TEST_P(IdempotencyTest, AbandonLetsARetryRun) {
  repo().begin("alice", "k1", "h1", at(1000));
  repo().abandon("alice", "k1");
  EXPECT_FALSE(repo().complete("alice", "k1", response));
  EXPECT_EQ(repo().begin("alice", "k1", "h1", at(1001)).outcome, Outcome::started);
}

TEST_P(IdempotencyTest, AbandonDoesNotForgetACompletedResponse) {
  repo().begin("alice", "k1", "h1", at(1000));
  repo().complete("alice", "k1", response);
  repo().abandon("alice", "k1");
  EXPECT_EQ(repo().begin("alice", "k1", "h1", at(1001)).outcome, Outcome::replay);
  EXPECT_FALSE(repo().complete("alice", "k1", response)) << "a finished entry is not overwritten";
}

TEST_P(IdempotencyTest, AKeyLeftInFlightByADeadProcessIsFreeAfterTheLimit) {
  EXPECT_EQ(repo().begin("alice", "k1", "h1", at(1000)).outcome, Outcome::started);
  EXPECT_EQ(repo().begin("alice", "k1", "h1", at(1000 + 599)).outcome, Outcome::in_flight);
  EXPECT_EQ(repo().begin("alice", "k1", "h1", at(1000 + 600)).outcome, Outcome::started);
  EXPECT_TRUE(repo().complete("alice", "k1", response));
  EXPECT_EQ(repo().begin("alice", "k1", "h1", at(1000 + 5000)).outcome, Outcome::replay)
      << "a finished entry lives its whole ttl";
}

INSTANTIATE_TEST_SUITE_P(Engines, IdempotencyTest, engines(), engine_name);

}  // namespace
}  // namespace vka::store::testing
