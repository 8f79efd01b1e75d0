#include "domain/ref_text.hpp"

#include <gtest/gtest.h>

namespace vka::domain {
namespace {

TEST(QuoteInput, WrapsShortInputInQuotes) { EXPECT_EQ(quote_input("id5"), "'id5'"); }

TEST(QuoteInput, ReplacesControlCharacters) { EXPECT_EQ(quote_input(std::string("a\nb\0c\x7f", 6)), "'a?b?c?'"); }

TEST(QuoteInput, CutsLongInputOnACharacterBoundary) {
  std::string cyrillic;
  for (int i = 0; i < 40; ++i) cyrillic += "ж";    // two bytes each; byte 60 falls on a boundary
  const auto shown = quote_input("x" + cyrillic);  // shift by one: byte 60 is mid-character
  EXPECT_EQ(shown, "'x" + cyrillic.substr(0, 58) + "…'");
  EXPECT_EQ(quote_input(std::string(61, 'a')), "'" + std::string(60, 'a') + "…'");
  EXPECT_EQ(quote_input(std::string(60, 'a')), "'" + std::string(60, 'a') + "'");
}

TEST(TrimAsciiSpace, RemovesSurroundingWhitespaceOnly) {
  EXPECT_EQ(trim_ascii_space(" \t a b \r\n"), "a b");
  EXPECT_EQ(trim_ascii_space("   "), "");
}

TEST(ParsePositiveVkId, AcceptsTheJsonSafeRange) {
  EXPECT_EQ(*parse_positive_vk_id("1"), 1);
  EXPECT_EQ(*parse_positive_vk_id("007"), 7);
  EXPECT_EQ(*parse_positive_vk_id("9007199254740991"), max_vk_id);
  EXPECT_EQ(parse_positive_vk_id("9007199254740992").error(), "is out of range (VK ids are at most 9007199254740991)");
  EXPECT_EQ(parse_positive_vk_id("0").error(), "is not a valid id (ids start at 1)");
  EXPECT_EQ(parse_positive_vk_id("").error(), "is not a number");
  EXPECT_EQ(parse_positive_vk_id("-1").error(), "is not a number");
}

}  // namespace
}  // namespace vka::domain
