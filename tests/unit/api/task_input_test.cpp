#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/json/parse.hpp>

#include "api/task_input.hpp"
#include "domain/task_request.hpp"
#include "domain/time.hpp"
#include "error_matchers.hpp"

namespace vka::api {
namespace {

using testing::api_error_of;
using ::testing::ElementsAre;
using testing::fields_of;

domain::TaskParams parse(std::string_view json) { return parse_task_params(boost::json::parse(json).as_object()); }

http::ApiError problems_of(std::string_view json) {
  return api_error_of([&] { parse(json); });
}

domain::GroupRef group(std::int64_t id) { return {id}; }
domain::GroupRef group(std::string name) { return {std::move(name)}; }

TEST(ParseTaskParams, MinimalBodyGetsTheDefaults) {
  const auto params = parse(R"({"groups": [1]})");
  EXPECT_FALSE(params.name);
  EXPECT_THAT(params.groups, ElementsAre(group(1)));
  EXPECT_TRUE(params.posts.empty());
  EXPECT_EQ(params.posts_per_group, 10);
  EXPECT_FALSE(params.since);
  EXPECT_FALSE(params.until);
  EXPECT_TRUE(params.threads);
  EXPECT_FALSE(params.vk_token_id);
}

TEST(ParseTaskParams, ReadsEveryField) {
  const auto params = parse(R"({
    "name": "Autumn run", "groups": [-1, "ApiClub"], "posts": ["-1_123", "https://vk.com/wall-5_6"],
    "posts_per_group": 100000, "since": "2026-01-01T00:00:00Z", "until": "2026-02-01T12:30:00Z",
    "threads": false, "vk_token_id": "tok_1"})");
  EXPECT_EQ(params.name, "Autumn run");
  EXPECT_THAT(params.groups, ElementsAre(group(1), group("apiclub")));
  EXPECT_THAT(params.posts, ElementsAre(domain::PostRef{-1, 123}, domain::PostRef{-5, 6}));
  EXPECT_EQ(params.posts_per_group, 100000);
  EXPECT_EQ(params.since, domain::parse_rfc3339("2026-01-01T00:00:00Z"));
  EXPECT_EQ(params.until, domain::parse_rfc3339("2026-02-01T12:30:00Z"));
  EXPECT_FALSE(params.threads);
  EXPECT_EQ(params.vk_token_id, "tok_1");
}

TEST(ParseTaskParams, NullMeansAbsent) {
  const auto params = parse(R"({"name": null, "groups": null, "posts": ["-1_1"], "posts_per_group": null,
    "since": null, "until": null, "threads": null, "vk_token_id": null})");
  EXPECT_FALSE(params.name);
  EXPECT_TRUE(params.groups.empty());
  EXPECT_EQ(params.posts_per_group, 10);
  EXPECT_TRUE(params.threads);
}

TEST(ParseTaskParams, DuplicatesCollapseToTheFirst) {
  const auto params = parse(
      R"({"groups": [1, -1, "club1", "https://vk.com/public1", "apiclub", "APICLUB"], "posts": ["-1_2", "wall-1_2"]})");
  EXPECT_THAT(params.groups, ElementsAre(group(1), group("apiclub")));
  EXPECT_THAT(params.posts, ElementsAre(domain::PostRef{-1, 2}));
}

TEST(ParseTaskParams, PostsAloneAreEnough) {
  EXPECT_THAT(parse(R"({"posts": ["-1_2"]})").posts, ElementsAre(domain::PostRef{-1, 2}));
  EXPECT_THAT(parse(R"({"groups": [], "posts": ["-1_2"]})").posts, ElementsAre(domain::PostRef{-1, 2}));
}

TEST(ParseTaskParams, NeedsAtLeastOneGroupOrPost) {
  for (const auto* body : {R"({})", R"({"groups": [], "posts": []})", R"({"name": "x", "groups": null})"}) {
    const auto error = problems_of(body);
    EXPECT_EQ(error.status(), 400) << body;
    EXPECT_EQ(error.code(), "validation_failed") << body;
    EXPECT_THAT(fields_of(error), ElementsAre("groups")) << body;
  }
}

TEST(ParseTaskParams, WrongTypesAreReportedByField) {
  const auto error = problems_of(R"({"name": 5, "groups": "apiclub", "posts": {"a": 1}, "posts_per_group": "10",
    "since": 1700000000, "until": true, "threads": "yes", "vk_token_id": 7})");
  EXPECT_EQ(error.status(), 400);
  EXPECT_THAT(fields_of(error),
              ElementsAre("name", "groups", "posts", "posts_per_group", "since", "until", "threads", "vk_token_id"));
  for (const auto& detail : error.details()) EXPECT_FALSE(detail.problem.empty()) << detail.field;
}

TEST(ParseTaskParams, PostsPerGroupRange) {
  EXPECT_EQ(parse(R"({"groups": [1], "posts_per_group": 1})").posts_per_group, 1);
  for (const auto* bad : {"0", "-1", "100001", "1.5", "10.0", "1e3", "18446744073709551615"})
    EXPECT_THAT(fields_of(problems_of(std::string{R"({"groups": [1], "posts_per_group": )"} + bad + "}")),
                ElementsAre("posts_per_group"))
        << bad;
}

TEST(ParseTaskParams, NameAndTokenIdLengthLimitsInBytes) {
  const std::string longest(domain::max_task_name_bytes, 'n');
  EXPECT_EQ(parse(R"({"groups": [1], "name": ")" + longest + R"("})").name, longest);
  EXPECT_THAT(fields_of(problems_of(R"({"groups": [1], "name": ")" + longest + R"(n"})")), ElementsAre("name"));
  // 101 two-byte letters are 202 bytes.
  std::string cyrillic;
  for (int i = 0; i < 101; ++i) cyrillic += "ж";
  EXPECT_THAT(fields_of(problems_of(R"({"groups": [1], "name": ")" + cyrillic + R"("})")), ElementsAre("name"));
  EXPECT_THAT(fields_of(problems_of(R"({"groups": [1], "vk_token_id": ")" + std::string(65, 't') + R"("})")),
              ElementsAre("vk_token_id"));
}

TEST(ParseTaskParams, TimesMustBeRfc3339) {
  for (const auto* bad : {R"("2026-01-01")", R"("yesterday")", R"("2026-13-01T00:00:00Z")", R"("")"})
    EXPECT_THAT(fields_of(problems_of(std::string{R"({"groups": [1], "since": )"} + bad + "}")), ElementsAre("since"))
        << bad;
}

TEST(ParseTaskParams, SinceMayEqualUntilButNotFollowIt) {
  const auto same = parse(R"({"groups": [1], "since": "2026-01-01T00:00:00Z", "until": "2026-01-01T00:00:00Z"})");
  EXPECT_EQ(same.since, same.until);
  EXPECT_THAT(
      fields_of(problems_of(R"({"groups": [1], "since": "2026-01-02T00:00:00Z", "until": "2026-01-01T23:59:59Z"})")),
      ElementsAre("until"));
}

TEST(ParseTaskParams, BadItemsAreReportedByTheClientsIndexInOrder) {
  // Item 1 is the wrong type (never reaches the domain), items 2 and 4 are refused by it:
  // the indices must still be those of the client's array.
  const auto error = problems_of(R"({"groups": [1, true, "vk.com/", 2, "bad name!", null, 1.5]})");
  EXPECT_THAT(fields_of(error), ElementsAre("groups[1]", "groups[2]", "groups[4]", "groups[5]", "groups[6]"));
  for (const auto& detail : error.details()) EXPECT_FALSE(detail.problem.empty()) << detail.field;
}

TEST(ParseTaskParams, BadPostsAreReportedByIndexAndIntegersAreNotPosts) {
  const auto error = problems_of(R"({"posts": ["-1_1", 123, "nonsense", "-1_1", "wall-2_x"]})");
  EXPECT_THAT(fields_of(error), ElementsAre("posts[1]", "posts[2]", "posts[4]"));
}

TEST(ParseTaskParams, ReportsEveryProblemAtOnce) {
  const auto error = problems_of(R"({"groups": ["bad name!"], "posts": [5], "posts_per_group": 0, "threads": 1})");
  EXPECT_THAT(fields_of(error), ElementsAre("groups[0]", "posts[0]", "posts_per_group", "threads"));
}

TEST(ParseTaskParams, TooManyItems) {
  std::string many = R"({"groups": [)";
  for (std::size_t i = 1; i <= domain::max_refs_per_task + 1; ++i)
    many += std::to_string(i) + (i <= domain::max_refs_per_task ? "," : "");
  many += "]}";
  EXPECT_THAT(fields_of(problems_of(many)), ElementsAre("groups"));

  std::string most = R"({"groups": [)";
  for (std::size_t i = 1; i <= domain::max_refs_per_task; ++i)
    most += std::to_string(i) + (i < domain::max_refs_per_task ? "," : "");
  most += "]}";
  EXPECT_EQ(parse(most).groups.size(), domain::max_refs_per_task);
}

}  // namespace
}  // namespace vka::api
