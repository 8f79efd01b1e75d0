#include "app/collect_request.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace vka::app {
namespace {

using testing::ElementsAre;
using testing::StartsWith;

TEST(CollectRequest, NormalizesLikeTheApi) {
  CollectRequest request;
  request.groups = {"apiclub", "-1", "https://vk.com/club5", "club1"};
  request.posts = {"https://vk.com/wall-1_123", "-2_7"};
  request.posts_per_group = 50;
  request.since = "2026-01-01T00:00:00Z";
  request.no_threads = true;

  const auto [params, problems] = to_task_params(request);

  EXPECT_THAT(problems, ElementsAre());
  EXPECT_THAT(params.groups, ElementsAre(domain::GroupRef{std::string{"apiclub"}}, domain::GroupRef{std::int64_t{1}},
                                         domain::GroupRef{std::int64_t{5}}));
  EXPECT_THAT(params.posts, ElementsAre(domain::PostRef{-1, 123}, domain::PostRef{-2, 7}));
  EXPECT_EQ(params.posts_per_group, 50);
  EXPECT_EQ(params.since, domain::parse_rfc3339("2026-01-01T00:00:00Z"));
  EXPECT_FALSE(params.until);
  EXPECT_FALSE(params.threads);
}

TEST(CollectRequest, KeepsTheApiDefaults) {
  CollectRequest request;
  request.posts = {"-1_2"};
  const auto [params, problems] = to_task_params(request);
  EXPECT_THAT(problems, ElementsAre());
  EXPECT_EQ(params.posts_per_group, domain::TaskParams{}.posts_per_group);
  EXPECT_TRUE(params.threads);
}

TEST(CollectRequest, NamesEachProblemByItsArgumentOrFlag) {
  CollectRequest request;
  request.groups = {"apiclub", "id12", "https://vk.com/wall-1_2"};
  request.posts = {"-1_2", "nonsense"};
  request.posts_per_group = 0;
  request.since = "yesterday";
  request.until = "2026-13-01";

  const auto problems = to_task_params(request).problems;

  ASSERT_EQ(problems.size(), 6u);
  EXPECT_THAT(problems[0], StartsWith("community 2: 'id12' "));
  EXPECT_THAT(problems[1], StartsWith("community 3: "));
  EXPECT_THAT(problems[2], StartsWith("--posts 2: 'nonsense' "));
  EXPECT_THAT(problems[3], StartsWith("--posts-per-group: "));
  EXPECT_THAT(problems[4], StartsWith("--since: "));
  EXPECT_THAT(problems[5], StartsWith("--until: "));
}

TEST(CollectRequest, UntilBeforeSinceIsAProblem) {
  CollectRequest request;
  request.groups = {"1"};
  request.since = "2026-02-01T00:00:00Z";
  request.until = "2026-01-01T00:00:00Z";
  EXPECT_THAT(to_task_params(request).problems, ElementsAre(StartsWith("--until: ")));
}

TEST(CollectRequest, NothingToCollectIsAProblem) {
  EXPECT_THAT(to_task_params({}).problems,
              ElementsAre("communities: give at least one community, or a post in --posts"));
}

TEST(CollectRequest, ProblemsSpeakOfFlagsNeverOfJsonFields) {
  CollectRequest request;
  request.groups = {"1"};
  request.posts_per_group = 100001;
  request.since = "2026-02-01T00:00:00Z";
  request.until = "2026-01-01T00:00:00Z";
  EXPECT_THAT(to_task_params(request).problems, ElementsAre("--posts-per-group: must be an integer from 1 to 100000",
                                                            "--until: must not be before --since"));
}

}  // namespace
}  // namespace vka::app
