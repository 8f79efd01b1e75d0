#include "domain/task_request.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace vka::domain {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::string_view field_name(TaskField field) { return field == TaskField::since ? "SINCE" : "POSTS"; }

CheckedTaskRequest check(const TaskRequest& request, std::vector<TaskFieldProblem> found = {}) {
  return check_task_request(request, field_name, std::move(found));
}

std::vector<std::pair<TaskField, std::optional<std::size_t>>> places(const CheckedTaskRequest& checked) {
  std::vector<std::pair<TaskField, std::optional<std::size_t>>> out;
  for (const auto& problem : checked.problems) out.emplace_back(problem.field, problem.item);
  return out;
}

TEST(CheckTaskRequest, NormalizesAndKeepsTheDefaults) {
  TaskRequest request;
  request.groups = {GroupInput{std::int64_t{-1}}, GroupInput{std::string{"club1"}}, GroupInput{std::string{"ApiClub"}}};
  request.posts = {"wall-1_2", "-1_2"};
  const auto checked = check(request);
  EXPECT_THAT(checked.problems, IsEmpty());
  EXPECT_THAT(checked.params.groups, ElementsAre(GroupRef{std::int64_t{1}}, GroupRef{std::string{"apiclub"}}));
  EXPECT_THAT(checked.params.posts, ElementsAre(PostRef{-1, 2}));
  EXPECT_EQ(checked.params.posts_per_group, TaskParams{}.posts_per_group);
  EXPECT_TRUE(checked.params.threads);
}

TEST(CheckTaskRequest, ReadsEveryField) {
  TaskRequest request;
  request.name = "run";
  request.posts = {"-1_2"};
  request.posts_per_group = max_posts_per_group;
  request.since = "2026-01-01T00:00:00Z";
  request.until = "2026-01-01T00:00:00Z";
  request.threads = false;
  request.vk_token_id = "vt_1";
  const auto checked = check(request);
  EXPECT_THAT(checked.problems, IsEmpty());
  EXPECT_EQ(checked.params.name, "run");
  EXPECT_EQ(checked.params.posts_per_group, max_posts_per_group);
  EXPECT_EQ(checked.params.since, parse_rfc3339("2026-01-01T00:00:00Z"));
  EXPECT_EQ(checked.params.until, checked.params.since);
  EXPECT_FALSE(checked.params.threads);
  EXPECT_EQ(checked.params.vk_token_id, "vt_1");
}

TEST(CheckTaskRequest, ProblemsNameTheirFieldAndNeverAnotherTransportsName) {
  TaskRequest request;
  request.posts = {"-1_2"};
  request.posts_per_group = 0;
  request.since = "yesterday";
  const auto checked = check(request);
  ASSERT_EQ(checked.problems.size(), 2u);
  EXPECT_EQ(checked.problems[0],
            (TaskFieldProblem{TaskField::posts_per_group, std::nullopt, "must be an integer from 1 to 100000"}));
  EXPECT_EQ(checked.problems[1], (TaskFieldProblem{TaskField::since, std::nullopt,
                                                   "must be an RFC 3339 time such as 2026-01-01T00:00:00Z"}));
}

TEST(CheckTaskRequest, AnotherFieldIsNamedAsTheTransportNamesIt) {
  TaskRequest request;
  request.posts = {"-1_2"};
  request.since = "2026-01-02T00:00:00Z";
  request.until = "2026-01-01T00:00:00Z";
  EXPECT_THAT(check(request).problems,
              ElementsAre(TaskFieldProblem{TaskField::until, std::nullopt, "must not be before SINCE"}));
  EXPECT_THAT(check({}).problems, ElementsAre(TaskFieldProblem{TaskField::groups, std::nullopt,
                                                               "give at least one community, or a post in POSTS"}));
}

TEST(CheckTaskRequest, BadItemsKeepTheirPlaceAmongUnreadableOnes) {
  TaskRequest request;
  request.groups = {GroupInput{std::int64_t{1}}, std::nullopt, GroupInput{std::string{"vk.com/"}}};
  request.posts = {std::nullopt, std::string{"nonsense"}};
  const std::vector<TaskFieldProblem> found{{TaskField::threads, std::nullopt, "must be true or false"},
                                            {TaskField::groups, 1, "must be a community"},
                                            {TaskField::posts, 0, "must be a post"}};
  const auto checked = check(request, found);
  EXPECT_THAT(places(checked), ElementsAre(std::pair{TaskField::groups, std::optional<std::size_t>{1}},
                                           std::pair{TaskField::groups, std::optional<std::size_t>{2}},
                                           std::pair{TaskField::posts, std::optional<std::size_t>{0}},
                                           std::pair{TaskField::posts, std::optional<std::size_t>{1}},
                                           std::pair{TaskField::threads, std::optional<std::size_t>{}}));
  EXPECT_THAT(checked.problems[3].problem, ::testing::StartsWith("'nonsense' "));
}

TEST(CheckTaskRequest, NothingToCollectIsReportedOnlyWhenNothingElseIsWrong) {
  EXPECT_THAT(check({}, {{TaskField::groups, std::nullopt, "must be an array"}}).problems,
              ElementsAre(TaskFieldProblem{TaskField::groups, std::nullopt, "must be an array"}));
}

TEST(CheckTaskRequest, Limits) {
  TaskRequest request;
  request.posts = {"-1_2"};
  request.name = std::string(max_task_name_bytes + 1, 'n');
  request.vk_token_id = std::string(max_vk_token_id_bytes + 1, 't');
  request.posts_per_group = max_posts_per_group + 1;
  request.groups.assign(max_refs_per_task + 1, GroupInput{std::int64_t{1}});
  const auto checked = check(request);
  EXPECT_THAT(places(checked), ElementsAre(std::pair{TaskField::name, std::optional<std::size_t>{}},
                                           std::pair{TaskField::groups, std::optional<std::size_t>{}},
                                           std::pair{TaskField::posts_per_group, std::optional<std::size_t>{}},
                                           std::pair{TaskField::vk_token_id, std::optional<std::size_t>{}}));
  request.name = std::string(max_task_name_bytes, 'n');
  request.vk_token_id = std::string(max_vk_token_id_bytes, 't');
  request.posts_per_group = 1;
  request.groups.resize(max_refs_per_task);
  EXPECT_THAT(check(request).problems, IsEmpty());
}

}  // namespace
}  // namespace vka::domain
