#include <gtest/gtest.h>

#include <limits>

#include "store/postgres/params.hpp"

namespace vka::store::postgres {
namespace {

TEST(PostgresParams, ScalarsAreTypedText) {
  EXPECT_EQ(to_param(std::int64_t{-42}).value, "-42");
  EXPECT_EQ(to_param(std::int64_t{-42}).type, oid::int8);
  EXPECT_EQ(to_param(std::numeric_limits<std::int64_t>::min()).value, "-9223372036854775808");
  EXPECT_EQ(to_param(true).value, "t");
  EXPECT_EQ(to_param(false).type, oid::boolean);
  EXPECT_EQ(to_param(domain::from_unix(1700000000)).value, "1700000000");
  EXPECT_EQ(to_param(std::string_view("котик")).value, "котик");
  EXPECT_EQ(to_param(std::string_view("котик")).type, oid::text);
}

TEST(PostgresParams, DoublesKeepEveryBit) {
  const double value = 0.1 + 0.2;
  EXPECT_EQ(std::stod(*to_param(value).value), value);
  EXPECT_EQ(to_param(-0.5).value, "-0.5");
}

TEST(PostgresParams, NullsCarryTheirType) {
  const Param text = to_param(std::optional<std::string>());
  EXPECT_FALSE(text.value);
  EXPECT_EQ(text.type, oid::text);
  EXPECT_EQ(to_param(std::optional<std::int64_t>()).type, oid::int8);
  EXPECT_EQ(to_param(std::optional<domain::Timestamp>()).type, oid::int8);
  EXPECT_EQ(to_param(std::optional<double>()).type, oid::float8);
}

TEST(PostgresParams, BlobsGoAsRawBytes) {
  const std::string bytes("\0\x01\xff", 3);
  const Param p = to_param(Blob{bytes});
  EXPECT_TRUE(p.binary);
  EXPECT_EQ(p.type, oid::bytea);
  EXPECT_EQ(p.value, bytes);
}

TEST(PostgresParams, TextArraysQuoteEveryElementAndEscapeQuotesAndBackslashes) {
  const Param p =
      to_param(std::vector<std::optional<std::string>>{"a", "b\"c", "d\\e", "", "NULL", std::nullopt, "{,}"});
  EXPECT_EQ(p.type, oid::text_array);
  EXPECT_EQ(p.value, R"({"a","b\"c","d\\e","","NULL",NULL,"{,}"})");
  EXPECT_EQ(to_param(std::vector<std::string>{}).value, "{}");
}

TEST(PostgresParams, NumberAndBooleanArrays) {
  EXPECT_EQ(to_param(std::vector<std::int64_t>{1, -2}).value, "{1,-2}");
  EXPECT_EQ(to_param(std::vector<std::int64_t>{1}).type, oid::int8_array);
  EXPECT_EQ(to_param(std::vector<std::optional<std::int64_t>>{3, std::nullopt}).value, "{3,NULL}");
  EXPECT_EQ(to_param(std::vector<bool>{true, false}).value, "{t,f}");
  EXPECT_EQ(to_param(std::vector<std::optional<double>>{0.5, std::nullopt}).value, "{0.5,NULL}");
  EXPECT_EQ(to_param(std::vector<std::optional<double>>{}).type, oid::float8_array);
}

TEST(PostgresParams, NumberedPlaceholdersBecomeDollars) {
  EXPECT_EQ(numbered_placeholders("SELECT a FROM t WHERE b = ?1 AND c IN (?2, ?12)"),
            "SELECT a FROM t WHERE b = $1 AND c IN ($2, $12)");
  EXPECT_EQ(numbered_placeholders("SELECT '?1', ?1"), "SELECT '?1', $1") << "quoted text is left alone";
  EXPECT_EQ(numbered_placeholders("SELECT $1, j ? 'key'"), "SELECT $1, j ? 'key'") << "only ? before a digit";
}

}  // namespace
}  // namespace vka::store::postgres
