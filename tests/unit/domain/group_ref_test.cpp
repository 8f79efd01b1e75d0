#include "domain/group_ref.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace vka::domain {
namespace {

using ::testing::HasSubstr;

struct Accepted {
  GroupInput input;
  GroupRef expected;
};

class GroupRefAccepts : public ::testing::TestWithParam<Accepted> {};

TEST_P(GroupRefAccepts, Normalizes) {
  const auto result = parse_group_ref(GetParam().input);
  ASSERT_TRUE(result.has_value()) << result.error();
  EXPECT_EQ(*result, GetParam().expected);
}

GroupRef id(std::int64_t v) { return GroupRef{v}; }
GroupRef name(std::string v) { return GroupRef{std::move(v)}; }

INSTANTIATE_TEST_SUITE_P(
    Forms, GroupRefAccepts,
    ::testing::Values(
        Accepted{std::int64_t{1}, id(1)}, Accepted{std::int64_t{-1}, id(1)},
        Accepted{std::int64_t{9007199254740991}, id(9007199254740991)},
        Accepted{std::int64_t{-9007199254740991}, id(9007199254740991)}, Accepted{std::string("42"), id(42)},
        Accepted{std::string("-42"), id(42)}, Accepted{std::string("club1"), id(1)},
        Accepted{std::string("public22"), id(22)}, Accepted{std::string("event333"), id(333)},
        Accepted{std::string("Club7"), id(7)}, Accepted{std::string("apiclub"), name("apiclub")},
        Accepted{std::string("ApiClub"), name("apiclub")}, Accepted{std::string("@apiclub"), name("apiclub")},
        Accepted{std::string("@club5"), id(5)}, Accepted{std::string("4ch"), name("4ch")},
        Accepted{std::string("some.page_2"), name("some.page_2")},
        Accepted{std::string("  apiclub\t"), name("apiclub")}, Accepted{std::string("clubby"), name("clubby")},
        Accepted{std::string("identity"), name("identity")}, Accepted{std::string(32, 'a'), name(std::string(32, 'a'))},
        Accepted{std::string("https://vk.com/apiclub"), name("apiclub")},
        Accepted{std::string("http://vk.com/apiclub"), name("apiclub")},
        Accepted{std::string("HTTPS://VK.COM/ApiClub"), name("apiclub")}, Accepted{std::string("vk.com/club1"), id(1)},
        Accepted{std::string("https://m.vk.com/public9/"), id(9)},
        Accepted{std::string("www.vk.com/apiclub"), name("apiclub")},
        Accepted{std::string("https://vk.ru/apiclub"), name("apiclub")},
        Accepted{std::string("m.vk.ru/apiclub"), name("apiclub")},
        Accepted{std::string("https://www.vk.ru/apiclub"), name("apiclub")},
        Accepted{std::string("https://vk.com/apiclub?from=feed&utm=x"), name("apiclub")},
        Accepted{std::string("https://vk.com/apiclub#wall"), name("apiclub")},
        Accepted{std::string("https://vk.com/apiclub/?w=photo-1_2"), name("apiclub")}));

struct Rejected {
  GroupInput input;
  std::string problem_part;
};

class GroupRefRejects : public ::testing::TestWithParam<Rejected> {};

TEST_P(GroupRefRejects, ExplainsWhy) {
  const auto result = parse_group_ref(GetParam().input);
  ASSERT_FALSE(result.has_value()) << "accepted";
  EXPECT_THAT(result.error(), HasSubstr(GetParam().problem_part));
}

INSTANTIATE_TEST_SUITE_P(
    Forms, GroupRefRejects,
    ::testing::Values(
        Rejected{std::int64_t{0}, "0 is not a community id"},
        Rejected{std::int64_t{9007199254740992}, "9007199254740992 is out of range"},
        Rejected{std::int64_t{-9007199254740992}, "is out of range"},
        Rejected{std::int64_t{INT64_MIN}, "is out of range"}, Rejected{std::string("0"), "'0' is not a valid id"},
        Rejected{std::string("-0"), "'-0' is not a valid id"},
        Rejected{std::string("9007199254740992"), "out of range"},
        Rejected{std::string("99999999999999999999999"), "out of range"},
        Rejected{std::string("club0"), "'club0' has a community id that is not a valid id"},
        Rejected{std::string("club9007199254740992"), "out of range"},
        Rejected{std::string("id5"), "'id5' is a user page"},
        Rejected{std::string("https://vk.com/id5"), "is a user page"}, Rejected{std::string("@id5"), "is a user page"},
        Rejected{std::string("app123"), "application"}, Rejected{std::string(""), "empty community reference"},
        Rejected{std::string("   "), "empty"}, Rejected{std::string("api club"), "contains spaces"},
        Rejected{std::string("api\x01club"), "control"},
        Rejected{std::string("wall-1_123"), "is a post, not a community; list it under posts"},
        Rejected{std::string("https://vk.com/wall-1_123"), "is a post"},
        Rejected{std::string("https://vk.com/apiclub?w=wall-1_123"), "is a link to a post"},
        Rejected{std::string("https://facebook.com/apiclub"), "is not a link to vk.com or vk.ru"},
        Rejected{std::string("https://vk.com.evil.org/apiclub"), "is not a link to vk.com"},
        Rejected{std::string("https://vk.com:8080/apiclub"), "is not a link to vk.com"},
        Rejected{std::string("https://vk.com/"), "names no community"},
        Rejected{std::string("vk.com"), "names no community"},
        Rejected{std::string("https://vk.com/apiclub/photos"), "points inside a page"},
        Rejected{std::string("https://vk.com/12345"), "is not a community page"},
        Rejected{std::string("@12345"), "needs a latin letter"}, Rejected{std::string("1.5"), "needs a latin letter"},
        Rejected{std::string("___"), "needs a latin letter"},
        Rejected{std::string(33, 'a'), "too long for a screen name (at most 32"},
        Rejected{std::string("api-club"), "screen names use only latin letters"},
        Rejected{std::string("+5"), "screen names use only"}, Rejected{std::string("котики"), "screen names use only"},
        Rejected{std::string("facebook.com/apiclub"), "screen names use only"}));

TEST(GroupRefProblem, QuotesLongAndControlInputSafely) {
  const auto result = parse_group_ref(std::string(200, 'b') + "!");
  ASSERT_FALSE(result.has_value());
  EXPECT_LT(result.error().size(), 150u);
  EXPECT_THAT(result.error(), HasSubstr("…'"));
}

TEST(NormalizeGroupRefs, CollapsesDuplicatesInFirstSeenOrder) {
  const std::vector<GroupInput> inputs{
      std::int64_t{1},         std::string("apiclub"), std::int64_t{-1},
      std::string("club1"),    std::string("-2"),      std::string("https://vk.com/APICLUB/"),
      std::string("@apiclub"), std::int64_t{2},        std::string("public1")};
  const auto out = normalize_group_refs(inputs);
  EXPECT_TRUE(out.problems.empty());
  EXPECT_EQ(out.refs, (std::vector<GroupRef>{id(1), name("apiclub"), id(2)}));
}

TEST(NormalizeGroupRefs, ReportsEveryBadItemByIndexAndKeepsTheGoodOnes) {
  const std::vector<GroupInput> inputs{std::string("id5"), std::int64_t{3}, std::int64_t{0},
                                       std::string(""),    std::int64_t{3}, std::string("club4")};
  const auto out = normalize_group_refs(inputs);
  EXPECT_EQ(out.refs, (std::vector<GroupRef>{id(3), id(4)}));
  ASSERT_EQ(out.problems.size(), 3u);
  EXPECT_EQ(out.problems[0].index, 0u);
  EXPECT_THAT(out.problems[0].problem, HasSubstr("'id5' is a user page"));
  EXPECT_EQ(out.problems[1].index, 2u);
  EXPECT_EQ(out.problems[2].index, 3u);
}

TEST(NormalizeGroupRefs, EmptyInputGivesNothing) {
  const auto out = normalize_group_refs({});
  EXPECT_TRUE(out.refs.empty());
  EXPECT_TRUE(out.problems.empty());
}

TEST(GroupRefText, RendersIdsAndNames) {
  EXPECT_EQ(to_string(id(1)), "1");
  EXPECT_EQ(to_string(name("apiclub")), "apiclub");
  EXPECT_EQ(group_url(id(1)), "https://vk.com/club1");
  EXPECT_EQ(group_url(name("apiclub")), "https://vk.com/apiclub");
}

TEST(GroupRefText, UrlOfANormalizedRefParsesBackToIt) {
  for (const auto& ref : {id(77), name("apiclub")}) {
    const auto again = parse_group_ref(group_url(ref));
    ASSERT_TRUE(again.has_value()) << again.error();
    EXPECT_EQ(*again, ref);
  }
}

}  // namespace
}  // namespace vka::domain
