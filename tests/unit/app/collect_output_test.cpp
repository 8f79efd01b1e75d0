#include "app/collect_output.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "api/csv.hpp"
#include "api/export_rows.hpp"
#include "api/results_json.hpp"
#include "http/json_text.hpp"

namespace vka::app {
namespace {

// Serves fixed rows in pages of two through the streaming calls, and records what was asked.
class FakeResults final : public store::ResultsRepository {
 public:
  std::vector<store::PostRow> post_rows;
  std::vector<store::CommentRow> comment_rows;
  std::vector<std::string> asked_for;  // task ids

  store::PostPage posts(const store::PostQuery&) override { throw std::logic_error("not streamed"); }
  store::CommentPage comments(const store::CommentQuery&) override { throw std::logic_error("not streamed"); }
  std::int64_t count_posts(const store::PostQuery&) override { throw std::logic_error("not counted"); }
  std::int64_t count_comments(const store::CommentFilter&) override { throw std::logic_error("not counted"); }
  std::int64_t content_version() override { throw std::logic_error("not cached"); }
  void for_each_post(const store::PostQuery& query, const std::function<bool(const store::PostRow&)>& visit) override {
    asked_for.push_back(query.task_id);
    for (const auto& row : post_rows)
      if (!visit(row)) return;
  }
  void for_each_comment(const store::CommentQuery& query,
                        const std::function<bool(const store::CommentRow&)>& visit) override {
    asked_for.push_back(query.filter.task_id);
    for (const auto& row : comment_rows)
      if (!visit(row)) return;
  }
  store::KeywordCounts keyword_counts(const store::CommentFilter&) override { return {}; }
  store::PhraseCounts phrase_counts(const store::CommentFilter&, std::int64_t) override { return {}; }
  store::Analytics analytics(const store::AnalyticsFilter&) override { return {}; }
  void rebuild_analytics(std::string_view) override {}
};

FakeResults sample() {
  FakeResults results;
  domain::Comment first;
  first.owner_id = -1;
  first.post_id = 10;
  first.id = 100;
  first.from_id = 7;
  first.date = *domain::parse_rfc3339("2026-01-02T03:04:05Z");
  first.text = "Отлично, \"спасибо\",\nдо встречи";
  first.sentiment = domain::Sentiment::positive;
  first.sentiment_score = 0.5;
  first.keywords = {"отлично", "встречи"};
  domain::Comment reply = first;
  reply.id = 101;
  reply.parent_id = 100;
  reply.thread_root_id = 100;
  reply.deleted = true;
  reply.text.clear();
  results.comment_rows = {{first, std::string{"Анна"}}, {reply, std::nullopt}};
  domain::Post post;
  post.owner_id = -1;
  post.id = 10;
  post.date = first.date;
  post.text = "post, with comma";
  post.comments_count = 2;
  results.post_rows = {{post, 2}};
  return results;
}

api::ExportOptions format(api::ExportFormat format, char delimiter = ',', bool bom = false) {
  return {.format = format, .delimiter = delimiter, .bom = bom};
}

TEST(CollectOutput, NdjsonIsTheApiJsonOneRowPerLine) {
  auto results = sample();
  std::ostringstream out;
  EXPECT_EQ(write_rows(results, "t_1", OutputRows::comments, format(api::ExportFormat::ndjson), out), 2);
  EXPECT_EQ(out.str(), http::to_json_text(api::comment_to_json(results.comment_rows[0])) + "\n" +
                           http::to_json_text(api::comment_to_json(results.comment_rows[1])) + "\n");
  EXPECT_THAT(results.asked_for, testing::ElementsAre("t_1"));
}

TEST(CollectOutput, CsvIsTheExportsHeaderThenRows) {
  auto results = sample();
  results.comment_rows[0].community_name = "Клуб; API";
  results.comment_rows[0].post_excerpt = "post";
  for (auto& row : results.comment_rows) {
    row.first_seen_at = *domain::parse_rfc3339("2026-01-03T00:00:00Z");
    row.last_seen_at = *domain::parse_rfc3339("2026-01-04T00:00:00Z");
  }
  std::ostringstream out;
  EXPECT_EQ(write_rows(results, "t_1", OutputRows::comments, format(api::ExportFormat::csv), out), 2);
  EXPECT_EQ(out.str(),
            "owner_id,post_id,id,parent_id,thread_root_id,from_id,author_name,date,text,likes,deleted,sentiment,"
            "sentiment_score,keywords,community_name,post_excerpt,url,first_seen_at,last_seen_at\r\n"
            "-1,10,100,,,7,Анна,2026-01-02T03:04:05Z,\"Отлично, \"\"спасибо\"\",\nдо встречи\",0,false,positive,0.500,"
            "отлично встречи,Клуб; API,post,https://vk.com/wall-1_10?reply=100,2026-01-03T00:00:00Z,"
            "2026-01-04T00:00:00Z\r\n"
            "-1,10,101,100,100,7,,2026-01-02T03:04:05Z,,0,true,positive,0.500,отлично встречи,,,"
            "https://vk.com/wall-1_10?reply=101&thread=100,2026-01-03T00:00:00Z,2026-01-04T00:00:00Z\r\n");
}

TEST(CollectOutput, CsvWithSemicolonsABomAndMoscowTime) {
  auto results = sample();
  results.post_rows[0].community_name = "Клуб; API";
  results.post_rows[0].first_seen_at = *domain::parse_rfc3339("2026-01-03T00:00:00Z");
  results.post_rows[0].last_seen_at = *domain::parse_rfc3339("2026-01-04T21:30:00Z");
  auto options = format(api::ExportFormat::csv, ';', true);
  options.zone = *domain::TimeZone::find("Europe/Moscow");
  std::ostringstream csv;
  EXPECT_EQ(write_rows(results, "t_2", OutputRows::posts, options, csv), 1);
  EXPECT_EQ(
      csv.str(),
      "\xEF\xBB\xBFowner_id;id;date;text;likes;reposts;views;comments_count;comments_collected;is_pinned;url;"
      "community_name;first_seen_at;last_seen_at\r\n"
      "-1;10;2026-01-02T06:04:05+03:00;post, with comma;0;0;;2;2;false;https://vk.com/wall-1_10;\"Клуб; API\";"
      "2026-01-03T03:00:00+03:00;2026-01-05T00:30:00+03:00\r\n");
}

TEST(CollectOutput, XlsxIsAZipWorkbook) {
  auto results = sample();
  std::ostringstream xlsx;
  EXPECT_EQ(write_rows(results, "t_2", OutputRows::posts, format(api::ExportFormat::xlsx), xlsx), 1);
  EXPECT_EQ(xlsx.str().substr(0, 4), std::string("PK\x03\x04", 4));  // the cells are checked end to end
}

TEST(CollectOutput, NdjsonPosts) {
  auto results = sample();
  std::ostringstream ndjson;
  EXPECT_EQ(write_rows(results, "t_2", OutputRows::posts, format(api::ExportFormat::ndjson), ndjson), 1);
  EXPECT_EQ(ndjson.str(), http::to_json_text(api::post_to_json(results.post_rows[0])) + "\n");
}

TEST(CollectOutput, StopsAtTheFirstFailedWrite) {
  auto results = sample();
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  EXPECT_EQ(write_rows(results, "t_1", OutputRows::comments, format(api::ExportFormat::ndjson), out), 1);
}

TEST(CollectOutput, AnEmptyTaskGivesOnlyTheCsvHeader) {
  FakeResults results;
  std::ostringstream csv;
  EXPECT_EQ(write_rows(results, "t_3", OutputRows::comments, format(api::ExportFormat::csv), csv), 0);
  std::string header;
  api::append_csv_row(header, api::comment_export_columns());
  EXPECT_EQ(csv.str(), header);
  std::ostringstream ndjson;
  write_rows(results, "t_3", OutputRows::comments, format(api::ExportFormat::ndjson), ndjson);
  EXPECT_EQ(ndjson.str(), "");
}

}  // namespace
}  // namespace vka::app
