#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "api/task_form.hpp"
#include "api/task_input.hpp"
#include "error_matchers.hpp"

namespace vka::api {
namespace {

using testing::api_error_of;
using ::testing::ElementsAre;
using testing::fields_of;

struct Field {
  std::string name;
  std::string value;
  std::optional<std::string> filename = std::nullopt;
};

http::Request form_request(const std::vector<Field>& fields) {
  http::Request request;
  request.method = "POST";
  request.headers.add("Content-Type", "multipart/form-data; boundary=----vka");
  for (const auto& field : fields) {
    request.body += "------vka\r\nContent-Disposition: form-data; name=\"" + field.name + "\"";
    if (field.filename) request.body += "; filename=\"" + *field.filename + "\"";
    request.body += "\r\n\r\n" + field.value + "\r\n";
  }
  request.body += "------vka--\r\n";
  return request;
}

TEST(IsMultipart, OnlyFormDataWithABoundary) {
  EXPECT_TRUE(is_multipart(form_request({})));
  http::Request json;
  json.headers.add("Content-Type", "application/json");
  EXPECT_FALSE(is_multipart(json));
  EXPECT_FALSE(is_multipart(http::Request{}));
}

TEST(ReadTaskForm, GroupsFileBecomesGroupsWithTheirLineNumbers) {
  const auto form = read_task_form(form_request(
      {{"groups_file", "\xEF\xBB\xBF# communities\r\napiclub\r\n\r\n\"club1\",note\r\n  -42 ; x\r\n# end", "g.csv"}}));
  EXPECT_EQ(form.body.at("groups"), (boost::json::array{"apiclub", "club1", "-42"}));
  EXPECT_THAT(form.group_lines, ElementsAre(2u, 4u, 5u));
}

TEST(ReadTaskForm, AHeaderLineOfASpreadsheetIsNotACommunity) {
  for (const auto* header : {"community,comment", "Group;note", "\"URL\",x", "SCREEN_NAME", "id\tname"}) {
    const auto form =
        read_task_form(form_request({{"groups_file", std::string{"# export\n"} + header + "\napiclub,1\n", "g.csv"}}));
    EXPECT_EQ(form.body.at("groups"), (boost::json::array{"apiclub"})) << header;
    EXPECT_THAT(form.group_lines, ElementsAre(3u)) << header;
  }
}

TEST(ReadTaskForm, OnlyTheFirstLineCanBeAHeader) {
  const auto form = read_task_form(form_request({{"groups_file", "apiclub\ncommunity\n", "g.csv"}}));
  EXPECT_EQ(form.body.at("groups"), (boost::json::array{"apiclub", "community"}));
  const auto named = read_task_form(form_request({{"groups_file", "communityclub\n", "g.csv"}}));
  EXPECT_EQ(named.body.at("groups"), (boost::json::array{"communityclub"}));
}

TEST(ReadTaskForm, WebhookUrlBecomesTheWebhookAndEmptyMeansNone) {
  EXPECT_EQ(read_task_form(form_request({{"webhook_url", " https://example.com/hook "}})).body.at("webhook"),
            (boost::json::object{{"url", "https://example.com/hook"}}));
  EXPECT_EQ(read_task_form(form_request({{"webhook_url", ""}})).body.at("webhook"), nullptr);
}

TEST(ReadTaskForm, OtherFieldsReadAsTheJsonBodyWould) {
  const auto form = read_task_form(form_request({{"name", " Autumn "},
                                                 {"posts", "-1_1, -1_2\nwall-3_4"},
                                                 {"posts_per_group", "25"},
                                                 {"since", "2026-01-01T00:00:00Z"},
                                                 {"until", ""},
                                                 {"threads", "off"},
                                                 {"vk_token_id", "tok_1"}}));
  EXPECT_EQ(form.body.at("name"), "Autumn");
  EXPECT_EQ(form.body.at("posts"), (boost::json::array{"-1_1", "-1_2", "wall-3_4"}));
  EXPECT_EQ(form.body.at("posts_per_group"), 25);
  EXPECT_EQ(form.body.at("since"), "2026-01-01T00:00:00Z");
  EXPECT_TRUE(form.body.at("until").is_null());
  EXPECT_EQ(form.body.at("threads"), false);
  EXPECT_EQ(form.body.at("vk_token_id"), "tok_1");
}

TEST(ReadTaskForm, UnparsableValuesAreLeftForTheCommonValidation) {
  const auto form =
      read_task_form(form_request({{"posts_per_group", "ten"}, {"threads", "maybe"}, {"groups_file", "1"}}));
  const auto error = api_error_of([&] { parse_task_params(form.body); });
  EXPECT_THAT(fields_of(error), ElementsAre("posts_per_group", "threads"));
}

TEST(ReadTaskForm, UnknownAndRepeatedFieldsAre400) {
  const auto error = api_error_of([] {
    read_task_form(form_request({{"groups", "1"}, {"name", "a"}, {"name", "b"}, {"groups_file", "1"}}));
  });
  EXPECT_EQ(error.status(), 400);
  EXPECT_THAT(fields_of(error), ElementsAre("groups", "name"));
  EXPECT_EQ(error.details()[1].problem, "given more than once");
}

TEST(ReadTaskForm, MalformedFormIs400) {
  auto request = form_request({{"name", "a"}});
  request.body.resize(request.body.size() - 8);
  const auto error = api_error_of([&] { read_task_form(request); });
  EXPECT_EQ(error.status(), 400);
  EXPECT_EQ(error.code(), "validation_failed");
}

TEST(ReadTaskForm, FileLimits) {
  EXPECT_EQ(api_error_of([] {
              read_task_form(form_request({{"groups_file", std::string(max_groups_file_bytes + 1, 'a')}}));
            }).status(),
            413);
  std::string lines;
  for (std::size_t i = 0; i <= max_groups_file_lines; ++i) lines += "# comment\n";
  const auto error = api_error_of([&] { read_task_form(form_request({{"groups_file", lines}})); });
  EXPECT_EQ(error.status(), 400);
  EXPECT_THAT(fields_of(error), ElementsAre("groups_file"));
  std::string most;
  for (std::size_t i = 1; i <= max_groups_file_lines; ++i) most += std::to_string(i) + "\n";
  EXPECT_EQ(read_task_form(form_request({{"groups_file", most}})).group_lines.size(), max_groups_file_lines);
}

TEST(ReadTaskForm, BadLinesAreNamedByTheirLineNumber) {
  const auto form = read_task_form(form_request({{"groups_file", "apiclub\n# skip\nbad name!\n1\nalso bad?"}}));
  const auto error = api_error_of([&] {
    parse_task_params(form.body,
                      [&](std::size_t index) { return fmt::format("groups_file:{}", form.group_lines.at(index)); });
  });
  EXPECT_THAT(fields_of(error), ElementsAre("groups_file:3", "groups_file:5"));
}

}  // namespace
}  // namespace vka::api
