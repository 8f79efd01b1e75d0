#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/json/serialize.hpp>

#include "api/task_json.hpp"

namespace vka::api {
namespace {

using ::testing::UnorderedElementsAre;

std::vector<std::string> keys_of(const boost::json::object& object) {
  std::vector<std::string> keys;
  for (const auto& member : object) keys.emplace_back(member.key());
  return keys;
}

domain::Timestamp at(std::string_view text) { return *domain::parse_rfc3339(text); }

domain::Task full_task() {
  domain::Task task;
  task.id = "t_abc";
  task.status = domain::TaskStatus::completed_with_errors;
  task.created_at = at("2026-11-23T15:41:02Z");
  task.started_at = at("2026-11-23T15:41:03Z");
  task.finished_at = at("2026-11-23T16:00:00Z");
  task.owner = "key_1";
  task.schedule = domain::TaskSchedule{std::chrono::hours{6}};
  task.last_refreshed_at = at("2026-11-24T04:00:00Z");
  task.next_refresh_at = at("2026-11-24T10:00:00Z");
  task.params.name = "Autumn";
  task.params.groups = {{std::int64_t{1}}, {std::string{"apiclub"}}};
  task.params.posts = {{-1, 123}};
  task.params.posts_per_group = 25;
  task.params.since = at("2026-01-01T00:00:00Z");
  task.params.until = at("2026-02-01T00:00:00Z");
  task.params.threads = false;
  task.params.vk_token_id = "tok_1";
  task.progress = {3, 1, 30, 12, 5230, 2210, 41, 2, 14};
  task.errors = {{"group:-42", "vk_access_denied", 15, "Access denied.", at("2026-11-23T15:50:00Z")},
                 {"task", "internal", std::nullopt, "Oops.", at("2026-11-23T15:55:00Z")}};
  return task;
}

TEST(TaskToJson, HasEveryFieldOfTheContract) {
  const auto json = task_to_json(full_task());
  EXPECT_THAT(keys_of(json),
              UnorderedElementsAre("id", "name", "status", "created_at", "started_at", "finished_at", "owner", "params",
                                   "progress", "errors", "waiting_reason", "waiting_since", "schedule",
                                   "last_refreshed_at", "next_refresh_at", "webhook"));
  EXPECT_EQ(json.at("id"), "t_abc");
  EXPECT_EQ(json.at("name"), "Autumn");
  EXPECT_EQ(json.at("status"), "completed_with_errors");
  EXPECT_EQ(json.at("created_at"), "2026-11-23T15:41:02Z");
  EXPECT_EQ(json.at("started_at"), "2026-11-23T15:41:03Z");
  EXPECT_EQ(json.at("finished_at"), "2026-11-23T16:00:00Z");
  EXPECT_EQ(json.at("owner"), "key_1");
  EXPECT_EQ(json.at("schedule"), (boost::json::object{{"every", "6h"}}));
  EXPECT_EQ(json.at("last_refreshed_at"), "2026-11-24T04:00:00Z");
  EXPECT_EQ(json.at("next_refresh_at"), "2026-11-24T10:00:00Z");
}

TEST(TaskToJson, AWebhookShowsOnlyItsUrl) {
  auto task = full_task();
  EXPECT_EQ(task_to_json(task).at("webhook"), nullptr);
  task.webhook = domain::TaskWebhook{"https://example.com/hook"};
  EXPECT_EQ(task_to_json(task).at("webhook"), (boost::json::object{{"url", "https://example.com/hook"}}));
}

TEST(TaskToJson, ProgressHasEveryCounter) {
  const auto progress = task_to_json(full_task()).at("progress");
  EXPECT_EQ(progress, (boost::json::object{{"groups_total", 3},
                                           {"groups_done", 1},
                                           {"posts_found", 30},
                                           {"posts_done", 12},
                                           {"comments_expected", 5230},
                                           {"comments_collected", 2210},
                                           {"vk_requests", 41},
                                           {"retries", 2},
                                           {"eta_seconds", nullptr}}))
      << "a finished task has no time left to estimate";
}

TEST(TaskToJson, RunningTaskShowsItsEta) {
  auto task = full_task();
  task.status = domain::TaskStatus::running;
  task.finished_at.reset();
  EXPECT_EQ(task_to_json(task).at("progress").at("eta_seconds"), 14);
}

TEST(TaskToJson, ExpectedCommentsAreNeverShownBelowCollectedOnes) {
  auto task = full_task();
  task.progress.comments_expected = 8091;
  task.progress.comments_collected = 8308;
  const auto progress = task_to_json(task).at("progress");
  EXPECT_EQ(progress.at("comments_expected"), 8308);
  EXPECT_EQ(progress.at("comments_collected"), 8308);
}

TEST(TaskToJson, AWaitingTaskSaysWhyAndSinceWhenAndHasNoEta) {
  auto task = full_task();
  task.status = domain::TaskStatus::running;
  task.finished_at.reset();
  task.waiting = domain::TaskWaiting{"VK unreachable: connect to api.vk.ru failed: Connection refused",
                                     at("2026-11-23T15:58:00Z")};
  const auto json = task_to_json(task);
  EXPECT_EQ(json.at("status"), "running");
  EXPECT_EQ(json.at("waiting_reason"), "VK unreachable: connect to api.vk.ru failed: Connection refused");
  EXPECT_EQ(json.at("waiting_since"), "2026-11-23T15:58:00Z");
  EXPECT_TRUE(json.at("progress").at("eta_seconds").is_null());
  EXPECT_EQ(json.at("errors").as_array().size(), 2u);
}

TEST(TaskToJson, ErrorsKeepTheirOrderAndFields) {
  const auto errors = task_to_json(full_task()).at("errors").as_array();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0], (boost::json::object{{"scope", "group:-42"},
                                            {"code", "vk_access_denied"},
                                            {"vk_error_code", 15},
                                            {"message", "Access denied."},
                                            {"at", "2026-11-23T15:50:00Z"}}));
  EXPECT_TRUE(errors[1].at("vk_error_code").is_null());
  EXPECT_EQ(errors[1].at("scope"), "task");
}

TEST(TaskToJson, ParamsAreTheNormalizedRequest) {
  const auto params = task_to_json(full_task()).at("params");
  EXPECT_EQ(params, (boost::json::object{{"name", "Autumn"},
                                         {"groups", boost::json::array{1, "apiclub"}},
                                         {"posts", boost::json::array{"-1_123"}},
                                         {"posts_per_group", 25},
                                         {"since", "2026-01-01T00:00:00Z"},
                                         {"until", "2026-02-01T00:00:00Z"},
                                         {"threads", false},
                                         {"vk_token_id", "tok_1"}}));
}

TEST(TaskToJson, AbsentValuesAreNullNotMissing) {
  domain::Task task;
  task.id = "t_new";
  task.created_at = at("2026-11-23T15:41:02Z");
  task.owner = "admin";
  task.params.groups = {{std::int64_t{7}}};
  const auto json = task_to_json(task);
  EXPECT_EQ(json.at("status"), "queued");
  for (const auto* field : {"name", "started_at", "finished_at", "waiting_reason", "waiting_since"})
    EXPECT_TRUE(json.at(field).is_null()) << field;
  const auto& params = json.at("params").as_object();
  for (const auto* field : {"name", "since", "until", "vk_token_id"}) EXPECT_TRUE(params.at(field).is_null()) << field;
  EXPECT_EQ(params.at("posts"), boost::json::array{});
  EXPECT_EQ(params.at("threads"), true);
  EXPECT_EQ(params.at("posts_per_group"), 10);
  EXPECT_TRUE(json.at("progress").at("eta_seconds").is_null());
  EXPECT_EQ(json.at("progress").at("groups_total"), 0);
  EXPECT_EQ(json.at("errors"), boost::json::array{});
}

TEST(TaskToJson, LargeCommunityIdsStayIntegers) {
  domain::Task task;
  task.params.groups = {{std::int64_t{9007199254740991}}};
  const auto groups = task_to_json(task).at("params").at("groups").as_array();
  ASSERT_TRUE(groups[0].is_int64());
  EXPECT_EQ(groups[0].as_int64(), 9007199254740991);
}

}  // namespace
}  // namespace vka::api
