#include "domain/ids.hpp"

#include <gtest/gtest.h>

#include <set>

namespace vka::domain {
namespace {

using std::chrono::milliseconds;

constexpr IdKind all_kinds[] = {IdKind::task, IdKind::api_key, IdKind::vk_token,
                                IdKind::user, IdKind::session, IdKind::audit_entry};

TEST(Ids, HavePrefixLengthAndAlphabet) {
  for (auto kind : all_kinds) {
    const auto id = new_id(kind);
    EXPECT_TRUE(id.starts_with(id_prefix(kind))) << id;
    EXPECT_EQ(id.size(), id_prefix(kind).size() + id_body_length) << id;
    EXPECT_TRUE(is_valid_id(kind, id)) << id;
  }
  EXPECT_EQ(id_prefix(IdKind::task), "t_");
}

TEST(Ids, PrefixesAreDistinct) {
  std::set<std::string_view> prefixes;
  for (auto kind : all_kinds) prefixes.insert(id_prefix(kind));
  EXPECT_EQ(prefixes.size(), std::size(all_kinds));
}

TEST(Ids, AreUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 10000; ++i) EXPECT_TRUE(seen.insert(new_id(IdKind::task)).second);
}

TEST(Ids, FormatIsKnown) {
  const IdRandomBits zero{};
  IdRandomBits ones;
  ones.fill(0xFF);
  EXPECT_EQ(format_id(IdKind::task, milliseconds{0}, zero), "t_00000000000000000000000000");
  EXPECT_EQ(format_id(IdKind::task, milliseconds{0}, ones), "t_0000000000zzzzzzzzzzzzzzzz");
  EXPECT_EQ(format_id(IdKind::task, milliseconds{0xFFFF'FFFF'FFFF}, ones), "t_7zzzzzzzzzzzzzzzzzzzzzzzzz");
  // The ULID README: ulid(1469918176385) starts with "01ARYZ6S41" (same layout, uppercase).
  EXPECT_EQ(format_id(IdKind::task, milliseconds{1469918176385}, zero).substr(2, 10), "01aryz6s41");
}

TEST(Ids, SortByTimeWhateverTheRandomPart) {
  IdRandomBits high;
  high.fill(0xFF);
  const IdRandomBits low{};
  EXPECT_LT(format_id(IdKind::task, milliseconds{1767225600000}, high),
            format_id(IdKind::task, milliseconds{1767225600001}, low));
  EXPECT_LT(format_id(IdKind::task, milliseconds{1767225600999}, high),
            format_id(IdKind::task, milliseconds{1767225601000}, low));
}

TEST(Ids, ValidationRejectsWrongShapes) {
  const auto good = new_id(IdKind::task);
  EXPECT_FALSE(is_valid_id(IdKind::api_key, good));
  EXPECT_FALSE(is_valid_id(IdKind::task, good.substr(0, good.size() - 1)));
  EXPECT_FALSE(is_valid_id(IdKind::task, good + "0"));
  EXPECT_FALSE(is_valid_id(IdKind::task, "t_0000000000000000000000000u"));  // 'u' not in Crockford
  EXPECT_FALSE(is_valid_id(IdKind::task, "t_0000000000000000000000000A"));  // uppercase
  EXPECT_FALSE(is_valid_id(IdKind::task, "t_80000000000000000000000000"));  // beyond 128 bits
  EXPECT_FALSE(is_valid_id(IdKind::task, ""));
  EXPECT_TRUE(is_valid_id(IdKind::task, "t_7zzzzzzzzzzzzzzzzzzzzzzzzz"));
}

}  // namespace
}  // namespace vka::domain
