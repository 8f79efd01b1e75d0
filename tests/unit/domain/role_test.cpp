#include "domain/role.hpp"

#include <gtest/gtest.h>

namespace vka::domain {
namespace {

TEST(Role, NamesRoundTrip) {
  for (auto role : {Role::admin, Role::analyst, Role::viewer}) EXPECT_EQ(parse_role(to_string(role)), role);
  EXPECT_EQ(to_string(Role::analyst), "analyst");
  EXPECT_EQ(parse_role("Admin"), std::nullopt);
  EXPECT_EQ(parse_role("root"), std::nullopt);
  EXPECT_EQ(parse_role(""), std::nullopt);
}

}  // namespace
}  // namespace vka::domain
