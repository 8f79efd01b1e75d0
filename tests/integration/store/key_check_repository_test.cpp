#include <gtest/gtest.h>

#include "store_fixture.hpp"

namespace vka::store::testing {
namespace {

class KeyCheckTest : public StoreTest {
 protected:
  KeyCheckRepository& repo() { return store_->key_check(); }
};

TEST_P(KeyCheckTest, TheFirstValueIsRememberedAndKept) {
  EXPECT_FALSE(repo().stored());
  EXPECT_EQ(repo().remember("first"), "first");
  EXPECT_EQ(repo().stored(), "first");
  EXPECT_EQ(repo().remember("second"), "first") << "another key never replaces the one the data was made with";
  EXPECT_EQ(repo().stored(), "first");
}

INSTANTIATE_TEST_SUITE_P(Engines, KeyCheckTest, engines(), engine_name);

}  // namespace
}  // namespace vka::store::testing
