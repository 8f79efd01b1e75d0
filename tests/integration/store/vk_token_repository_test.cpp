#include <gtest/gtest.h>

#include "store/error.hpp"
#include "store_fixture.hpp"

namespace vka::store::testing {
namespace {

VkToken token(std::string id, std::string owner, std::int64_t created_unix, VkTokenKind kind = VkTokenKind::user) {
  return {std::move(id), std::move(owner), "name of " + owner, kind, {0x00, 0x01, 0xfe, 0xff, 0x00, 0x7f},
          "vk1.a.…xY",   at(created_unix)};
}

std::vector<std::string> ids_of(const VkTokenPage& page) {
  std::vector<std::string> ids;
  for (const auto& item : page.items) ids.push_back(item.id);
  return ids;
}

class VkTokenRepositoryTest : public StoreTest {
 protected:
  VkTokenRepository& repo() { return store_->vk_tokens(); }
};

TEST_P(VkTokenRepositoryTest, GetReturnsWhatWasCreatedWithTheCiphertextBytesIntact) {
  const auto stored = token("vt1", "alice", 100, VkTokenKind::community);
  repo().create(stored);
  EXPECT_EQ(repo().get("vt1"), stored);
  EXPECT_FALSE(repo().get("vt2"));
}

TEST_P(VkTokenRepositoryTest, EveryKindRoundTrips) {
  for (const auto kind : {VkTokenKind::user, VkTokenKind::service, VkTokenKind::community}) {
    EXPECT_EQ(parse_vk_token_kind(to_string(kind)), kind);
    const std::string id = "vt_" + std::string(to_string(kind));
    repo().create(token(id, "alice", 100, kind));
    EXPECT_EQ(repo().get(id)->kind, kind);
  }
  EXPECT_FALSE(parse_vk_token_kind("group"));
}

TEST_P(VkTokenRepositoryTest, DuplicateIdIsAConflict) {
  repo().create(token("vt1", "alice", 100));
  try {
    repo().create(token("vt1", "bob", 200));
    FAIL() << "expected a conflict";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreErrorKind::conflict);
  }
  EXPECT_EQ(repo().get("vt1")->owner, "alice");
}

TEST_P(VkTokenRepositoryTest, ListsNewestFirstWithTheIdBreakingTies) {
  repo().create(token("vt_a", "alice", 100));
  repo().create(token("vt_c", "bob", 300));
  repo().create(token("vt_b", "alice", 300));
  EXPECT_EQ(ids_of(repo().list({})), (std::vector<std::string>{"vt_c", "vt_b", "vt_a"}));
}

TEST_P(VkTokenRepositoryTest, OwnerFilterKeepsOnlyThatOwnersTokens) {
  repo().create(token("vt1", "alice", 100));
  repo().create(token("vt2", "bob", 200));
  repo().create(token("vt3", "alice", 300));
  EXPECT_EQ(ids_of(repo().list({.owner = "alice"})), (std::vector<std::string>{"vt3", "vt1"}));
  EXPECT_TRUE(repo().list({.owner = "carol"}).items.empty());
}

TEST_P(VkTokenRepositoryTest, KeysetPagesServeEveryRowOnceEvenWhileNewOnesArrive) {
  for (int i = 0; i < 7; ++i) repo().create(token("vt" + std::to_string(i), "alice", 100 + i / 2));
  std::vector<std::string> seen;
  VkTokenListQuery query{.owner = "alice", .limit = 3};
  int pages = 0;
  for (;;) {
    const auto page = repo().list(query);
    ++pages;
    for (const auto& id : ids_of(page)) seen.push_back(id);
    if (pages == 1) repo().create(token("vt_new", "alice", 999));
    if (!page.next) break;
    EXPECT_EQ(page.next->id, page.items.back().id);
    query.after = page.next;
  }
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(seen, (std::vector<std::string>{"vt6", "vt5", "vt4", "vt3", "vt2", "vt1", "vt0"}));
}

TEST_P(VkTokenRepositoryTest, LastFullPageHasNoNextCursor) {
  repo().create(token("vt1", "alice", 100));
  repo().create(token("vt2", "alice", 200));
  const auto page = repo().list({.limit = 2});
  EXPECT_EQ(page.items.size(), 2u);
  EXPECT_FALSE(page.next);
}

TEST_P(VkTokenRepositoryTest, LimitIsClamped) {
  repo().create(token("vt1", "alice", 100));
  repo().create(token("vt2", "alice", 200));
  const auto page = repo().list({.limit = 0});
  EXPECT_EQ(ids_of(page), std::vector<std::string>{"vt2"});
  EXPECT_TRUE(page.next);
}

TEST_P(VkTokenRepositoryTest, RemoveDeletesOnceAndLeavesTheOthers) {
  repo().create(token("vt1", "alice", 100));
  repo().create(token("vt2", "alice", 200));
  EXPECT_TRUE(repo().remove("vt1"));
  EXPECT_FALSE(repo().remove("vt1"));
  EXPECT_FALSE(repo().get("vt1"));
  EXPECT_EQ(ids_of(repo().list({})), std::vector<std::string>{"vt2"});
}

TEST_P(VkTokenRepositoryTest, UnknownStoredKindIsCorrupt) {
  repo().create(token("vt1", "alice", 100));
  // The CHECK constraint guards the column, so bypass it the way a damaged database would.
  raw()->exec_script(engine() == Engine::sqlite ? "PRAGMA ignore_check_constraints = ON;"
                                                : "ALTER TABLE vk_tokens DROP CONSTRAINT vk_tokens_kind_check;");
  raw()->exec_script("UPDATE vk_tokens SET kind = 'group' WHERE id = 'vt1';");
  try {
    repo().get("vt1");
    FAIL() << "expected corrupt";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreErrorKind::corrupt);
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, VkTokenRepositoryTest, engines(), engine_name);

}  // namespace
}  // namespace vka::store::testing
