#include <gtest/gtest.h>

#include "store/error.hpp"
#include "store_fixture.hpp"

namespace vka::store::testing {
namespace {

class ApiKeyRepositoryTest : public StoreTest {
 protected:
  ApiKeyRepository& repo() { return store_->api_keys(); }
};

TEST_P(ApiKeyRepositoryTest, FindByHashUntilRevoked) {
  const ApiKey key{"k1", "ci", domain::Role::analyst, "hash-1", at(100), std::nullopt};
  repo().create(key);
  repo().create({"k2", "root", domain::Role::admin, "hash-2", at(200), std::nullopt});
  EXPECT_EQ(repo().find_by_hash("hash-1"), key);
  EXPECT_FALSE(repo().find_by_hash("hash-3"));

  EXPECT_TRUE(repo().revoke("k1", at(300)));
  EXPECT_FALSE(repo().revoke("k1", at(301))) << "already revoked";
  EXPECT_FALSE(repo().revoke("nope", at(301)));
  EXPECT_FALSE(repo().find_by_hash("hash-1"));
  EXPECT_EQ(repo().find_by_hash("hash-2")->role, domain::Role::admin);

  const auto all = repo().list();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, "k1");
  EXPECT_EQ(all[0].revoked_at, at(300));
  EXPECT_EQ(all[1].revoked_at, std::nullopt);
}

TEST_P(ApiKeyRepositoryTest, DuplicateHashOrIdIsAConflict) {
  repo().create({"k1", "a", domain::Role::viewer, "hash-1", at(100), std::nullopt});
  for (const ApiKey& dup : {ApiKey{"k2", "b", domain::Role::viewer, "hash-1", at(100), std::nullopt},
                            ApiKey{"k1", "c", domain::Role::viewer, "hash-9", at(100), std::nullopt}}) {
    try {
      repo().create(dup);
      FAIL() << "expected a conflict";
    } catch (const StoreError& e) {
      EXPECT_EQ(e.kind(), StoreErrorKind::conflict);
      EXPECT_EQ(std::string(e.what()).find("hash"), std::string::npos) << "no schema detail in the message";
    }
  }
  EXPECT_EQ(repo().list().size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Engines, ApiKeyRepositoryTest, engines(), engine_name);

}  // namespace
}  // namespace vka::store::testing
