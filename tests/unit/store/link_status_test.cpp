#include <gtest/gtest.h>

#include "store/collection_repository.hpp"

namespace vka::store {
namespace {

TEST(LinkStatusTest, RoundTripsAndKnowsTheFinalOnes) {
  for (LinkStatus s :
       {LinkStatus::pending, LinkStatus::running, LinkStatus::done, LinkStatus::skipped, LinkStatus::failed})
    EXPECT_EQ(parse_link_status(to_string(s)), s);
  EXPECT_EQ(parse_link_status("finished"), std::nullopt);
  EXPECT_FALSE(is_final(LinkStatus::pending));
  EXPECT_FALSE(is_final(LinkStatus::running));
  EXPECT_TRUE(is_final(LinkStatus::done));
  EXPECT_TRUE(is_final(LinkStatus::skipped));
  EXPECT_TRUE(is_final(LinkStatus::failed));
}

}  // namespace
}  // namespace vka::store
