// Users, sessions, task shares, the audit trail and API key ownership, on both engines.
#include <gtest/gtest.h>

#include <stdexcept>

#include "store/error.hpp"
#include "store_fixture.hpp"

namespace vka::store::testing {
namespace {

User user(std::string id, std::string username, std::int64_t created_unix, domain::Role role = domain::Role::analyst) {
  return {.id = std::move(id),
          .username = std::move(username),
          .display_name = "Ann Analyst",
          .role = role,
          .password_hash = "$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA",
          .disabled = false,
          .must_change_password = true,
          .created_at = at(created_unix),
          .last_login_at = std::nullopt};
}

AuditEntry entry(std::string id, std::int64_t at_unix, std::string actor, std::string action, std::string target = "t",
                 std::string address = "10.0.0.1") {
  return {std::move(id),     at(at_unix),        "user",     std::move(actor), std::move(action),
          std::move(target), std::move(address), "request-1"};
}

class AccountsTest : public StoreTest {};

TEST_P(AccountsTest, UsersRoundTripAndUsernamesAreUnique) {
  const auto ann = user("u1", "ann", 100);
  store_->users().create(ann);
  EXPECT_EQ(store_->users().get("u1"), ann);
  EXPECT_EQ(store_->users().find_by_username("ann"), ann);
  EXPECT_FALSE(store_->users().find_by_username("bob"));
  EXPECT_TRUE(store_->users().any());
  EXPECT_THROW(store_->users().create(user("u2", "ann", 101)), StoreError);
  EXPECT_THROW(store_->users().create(user("u1", "other", 101)), StoreError);
}

TEST_P(AccountsTest, NoUsersAtFirst) { EXPECT_FALSE(store_->users().any()); }

TEST_P(AccountsTest, UpdateChangesEverythingButIdentityAndCreation) {
  store_->users().create(user("u1", "ann", 100));
  auto changed = user("u1", "ann", 100, domain::Role::viewer);
  changed.display_name = "Ann V.";
  changed.password_hash = "$argon2id$new";
  changed.disabled = true;
  changed.must_change_password = false;
  changed.last_login_at = at(500);
  EXPECT_TRUE(store_->users().update(changed));
  EXPECT_EQ(store_->users().get("u1"), changed);
  EXPECT_FALSE(store_->users().update(user("u9", "nobody", 1)));
}

TEST_P(AccountsTest, UsersPageNewestFirstExactlyOnce) {
  for (int i = 0; i < 5; ++i)
    store_->users().create(user("u" + std::to_string(i), "user" + std::to_string(i), 100 + i));
  std::vector<std::string> seen;
  std::optional<UserCursor> after;
  do {
    const auto page = store_->users().list(after, 2);
    for (const auto& item : page.items) seen.push_back(item.id);
    after = page.next;
  } while (after);
  EXPECT_EQ(seen, (std::vector<std::string>{"u4", "u3", "u2", "u1", "u0"}));
}

TEST_P(AccountsTest, RemovingAUserTakesTheirSessionsAndSharesAndDetachesTheirKeys) {
  store_->users().create(user("u1", "ann", 100));
  create(make_task("t1", "someone", 100));
  store_->sessions().create({"hash-1", "u1", at(100), at(100), at(1000)});
  EXPECT_TRUE(store_->shares().add({"t1", "u1", at(100)}));
  store_->api_keys().create({"k1", "ann's", domain::Role::analyst, "key-hash", at(100), std::nullopt, "u1"});
  EXPECT_TRUE(store_->users().remove("u1"));
  EXPECT_FALSE(store_->users().remove("u1"));
  EXPECT_FALSE(store_->sessions().find_live("hash-1", at(200), at(0)));
  EXPECT_TRUE(store_->shares().list("t1").empty());
  EXPECT_EQ(store_->api_keys().get("k1")->owner_id, std::nullopt);
}

TEST_P(AccountsTest, SessionsLiveUntilIdleOrExpired) {
  store_->users().create(user("u1", "ann", 100));
  const Session session{"hash-1", "u1", at(100), at(100), at(1000)};
  store_->sessions().create(session);
  EXPECT_EQ(store_->sessions().find_live("hash-1", at(150), at(50)), session);
  EXPECT_FALSE(store_->sessions().find_live("hash-1", at(150), at(100))) << "unused since the idle limit";
  EXPECT_FALSE(store_->sessions().find_live("hash-1", at(1000), at(50))) << "past the absolute end";
  store_->sessions().touch("hash-1", at(400));
  EXPECT_EQ(store_->sessions().find_live("hash-1", at(450), at(300))->last_seen_at, at(400));
  EXPECT_FALSE(store_->sessions().find_live("hash-2", at(150), at(50)));
}

TEST_P(AccountsTest, SessionsEndOneByOneOrAllButOne) {
  store_->users().create(user("u1", "ann", 100));
  for (const auto* hash : {"h1", "h2", "h3"}) store_->sessions().create({hash, "u1", at(100), at(100), at(1000)});
  EXPECT_TRUE(store_->sessions().remove("h1"));
  EXPECT_FALSE(store_->sessions().remove("h1"));
  EXPECT_EQ(store_->sessions().remove_for_user("u1", "h3"), 1);
  EXPECT_FALSE(store_->sessions().find_live("h2", at(150), at(50)));
  EXPECT_TRUE(store_->sessions().find_live("h3", at(150), at(50)));
  EXPECT_EQ(store_->sessions().remove_for_user("u1"), 1);
  EXPECT_FALSE(store_->sessions().find_live("h3", at(150), at(50)));
}

TEST_P(AccountsTest, EndedSessionsAreForgotten) {
  store_->users().create(user("u1", "ann", 100));
  store_->sessions().create({"idle", "u1", at(100), at(100), at(10000)});
  store_->sessions().create({"expired", "u1", at(100), at(900), at(1000)});
  store_->sessions().create({"live", "u1", at(100), at(900), at(10000)});
  store_->sessions().remove_ended(at(1000), at(500));
  EXPECT_EQ(count("SELECT COUNT(*) FROM sessions"), 1);
  EXPECT_TRUE(store_->sessions().find_live("live", at(1000), at(500)));
}

TEST_P(AccountsTest, SharesAreSetsOfUsersPerTask) {
  store_->users().create(user("u1", "ann", 100));
  store_->users().create(user("u2", "bob", 100));
  create(make_task("t1", "owner", 100));
  EXPECT_TRUE(store_->shares().add({"t1", "u2", at(200)}));
  EXPECT_FALSE(store_->shares().add({"t1", "u2", at(300)})) << "sharing again changes nothing";
  EXPECT_TRUE(store_->shares().add({"t1", "u1", at(250)}));
  EXPECT_EQ(store_->shares().list("t1"), (std::vector<TaskShare>{{"t1", "u2", at(200)}, {"t1", "u1", at(250)}}));
  EXPECT_TRUE(store_->shares().contains("t1", "u1"));
  EXPECT_TRUE(store_->shares().remove("t1", "u1"));
  EXPECT_FALSE(store_->shares().remove("t1", "u1"));
  EXPECT_FALSE(store_->shares().contains("t1", "u1"));
  EXPECT_THROW(store_->shares().add({"t1", "nobody", at(1)}), StoreError);
  EXPECT_THROW(store_->shares().add({"t9", "u1", at(1)}), StoreError);
}

TEST_P(AccountsTest, DeletingATaskDeletesItsShares) {
  store_->users().create(user("u1", "ann", 100));
  create(make_task("t1", "owner", 100));
  store_->shares().add({"t1", "u1", at(200)});
  ASSERT_TRUE(store_->tasks().remove("t1"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM task_shares"), 0);
}

TEST_P(AccountsTest, TaskListsCanIncludeTasksSharedWithTheOwner) {
  store_->users().create(user("u1", "ann", 100));
  create(make_task("mine", "u1", 100));
  create(make_task("shared", "bob", 101));
  create(make_task("other", "bob", 102));
  store_->shares().add({"shared", "u1", at(200)});
  TaskListQuery own{.owner = "u1"};
  EXPECT_EQ(store_->tasks().list(own).items.size(), 1u);
  TaskListQuery visible{.owner = "u1", .shared_with_owner = true};
  std::vector<std::string> ids;
  for (const auto& task : store_->tasks().list(visible).items) ids.push_back(task.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"shared", "mine"}));
}

TEST_P(AccountsTest, AuditEntriesAreNumberedInCommitOrderAndReadAfterASeq) {
  store_->audit().record(entry("b", 300, "u1", "auth.login"));  // an earlier time does not reorder seqs
  store_->audit().record(entry("a", 100, "u1", "auth.logout"));
  EXPECT_THROW(store_->write_together([&] {
    store_->audit().record(entry("rolled-back", 200, "u1", "task.created"));
    throw std::runtime_error("the change failed");
  }),
               std::runtime_error);
  store_->audit().record(entry("c", 200, "u2", "task.deleted"));
  auto seqs = [&](std::int64_t after, int limit) {
    std::vector<std::pair<std::string, std::int64_t>> out;
    for (const auto& item : store_->audit().after(after, limit)) out.emplace_back(item.id, item.seq);
    return out;
  };
  using Seqs = std::vector<std::pair<std::string, std::int64_t>>;
  EXPECT_EQ(seqs(0, 10), (Seqs{{"b", 1}, {"a", 2}, {"c", 3}})) << "a rolled-back entry takes no number";
  EXPECT_EQ(seqs(1, 1), (Seqs{{"a", 2}}));
  EXPECT_TRUE(seqs(3, 10).empty());
}

TEST_P(AccountsTest, AuditPagesNewestFirstWithFilters) {
  store_->audit().record(entry("a1", 100, "u1", "auth.login"));
  store_->audit().record(entry("a2", 200, "u2", "task.created"));
  store_->audit().record(entry("a3", 300, "u1", "task.deleted"));
  store_->audit().record(entry("a4", 400, "u1", "task.created"));
  auto newest = entry("a4", 400, "u1", "task.created");
  newest.seq = 4;
  EXPECT_EQ(store_->audit().list({}).items.front(), newest);
  auto ids = [&](const AuditQuery& query) {
    std::vector<std::string> out;
    for (const auto& item : store_->audit().list(query).items) out.push_back(item.id);
    return out;
  };
  EXPECT_EQ(ids({.actor = "u1"}), (std::vector<std::string>{"a4", "a3", "a1"}));
  EXPECT_EQ(ids({.action = "task.created"}), (std::vector<std::string>{"a4", "a2"}));
  EXPECT_EQ(ids({.since = at(200), .until = at(400)}), (std::vector<std::string>{"a3", "a2"}));
  const auto first = store_->audit().list({.limit = 3});
  ASSERT_TRUE(first.next);
  EXPECT_EQ(ids({.after = first.next, .limit = 3}), (std::vector<std::string>{"a1"}));
}

TEST_P(AccountsTest, FailedLoginsCountPerUsernameAndPerAddressInTheWindow) {
  store_->audit().record(entry("a1", 100, "", "auth.login_failed", "ann", "10.0.0.1"));
  store_->audit().record(entry("a2", 200, "", "auth.login_failed", "ann", "10.0.0.2"));
  store_->audit().record(entry("a3", 300, "", "auth.login_failed", "bob", "10.0.0.1"));
  store_->audit().record(entry("a4", 300, "u1", "auth.login", "ann", "10.0.0.1"));
  const auto for_ann = store_->audit().failed_logins_for("ann", at(100));
  EXPECT_EQ(for_ann.count, 2);
  EXPECT_EQ(for_ann.oldest, at(100));
  EXPECT_EQ(store_->audit().failed_logins_for("ann", at(150)).count, 1);
  EXPECT_EQ(store_->audit().failed_logins_from("10.0.0.1", at(0)).count, 2);
  const auto none = store_->audit().failed_logins_for("carol", at(0));
  EXPECT_EQ(none.count, 0);
  EXPECT_FALSE(none.oldest);
}

TEST_P(AccountsTest, ApiKeysHaveOwnersExpiryAndALastUseWrittenAtMostOncePerResolution) {
  store_->users().create(user("u1", "ann", 100));
  const ApiKey key{"k1", "ann's", domain::Role::analyst, "hash-1", at(100), std::nullopt, "u1", at(5000), std::nullopt};
  store_->api_keys().create(key);
  EXPECT_EQ(store_->api_keys().get("k1"), key);
  EXPECT_TRUE(store_->api_keys().mark_used("k1", at(200), std::chrono::seconds{60}));
  EXPECT_FALSE(store_->api_keys().mark_used("k1", at(230), std::chrono::seconds{60}));
  EXPECT_TRUE(store_->api_keys().mark_used("k1", at(260), std::chrono::seconds{60}));
  EXPECT_EQ(store_->api_keys().get("k1")->last_used_at, at(260));
  store_->api_keys().create({"k2", "other", domain::Role::viewer, "hash-2", at(100), std::nullopt, "u1"});
  store_->api_keys().create({"k3", "ownerless", domain::Role::viewer, "hash-3", at(100)});
  EXPECT_EQ(store_->api_keys().revoke_owned("u1", at(300)), 2);
  EXPECT_FALSE(store_->api_keys().find_by_hash("hash-1"));
  EXPECT_TRUE(store_->api_keys().find_by_hash("hash-3"));
  EXPECT_EQ(store_->api_keys().get("k2")->revoked_at, at(300));
  EXPECT_FALSE(store_->api_keys().get("k9"));
}

TEST_P(AccountsTest, AnAuditEntryCommitsOrRollsBackWithItsChange) {
  EXPECT_THROW(store_->write_together([&] {
    store_->users().create(user("u1", "ann", 100));
    store_->audit().record(entry("a1", 100, "admin", "user.created", "u1"));
    throw std::runtime_error("the change fails after both writes");
  }),
               std::runtime_error);
  EXPECT_FALSE(store_->users().any());
  EXPECT_TRUE(store_->audit().list({}).items.empty());
  store_->write_together([&] {
    store_->users().create(user("u1", "ann", 100));
    store_->audit().record(entry("a1", 100, "admin", "user.created", "u1"));
  });
  EXPECT_TRUE(store_->users().any());
  EXPECT_EQ(store_->audit().list({}).items.size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Engines, AccountsTest, engines(), engine_name);

}  // namespace
}  // namespace vka::store::testing
