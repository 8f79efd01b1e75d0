#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "api/query.hpp"
#include "error_matchers.hpp"

namespace vka::api {
namespace {

using testing::api_error_of;
using ::testing::ElementsAre;
using testing::fields_of;

http::Request with_query(std::string query) {
  http::Request request;
  request.method = "GET";
  request.path = "/api/v1/tasks";
  request.query = std::move(query);
  return request;
}

QueryParams params(std::string query) { return QueryParams{with_query(std::move(query))}; }

TEST(QueryParams, EmptyQueryHasNothing) {
  const auto query = params("");
  EXPECT_FALSE(query.get("status"));
  EXPECT_EQ(query.limit(), default_page_limit);
  EXPECT_FALSE(query.cursor("tasks:-created_at"));
}

TEST(QueryParams, ReadsParameters) {
  const auto query = params("status=running&limit=20&flag");
  EXPECT_EQ(query.get("status"), "running");
  EXPECT_EQ(query.get("flag"), "");
  EXPECT_FALSE(query.get("Status"));
  EXPECT_EQ(query.limit(), 20);
}

TEST(QueryParams, DecodesPercentAndPlus) {
  const auto query = params("q=%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82+mir&a%26b=1%2B1%3D2");
  EXPECT_EQ(query.get("q"), "привет mir");
  EXPECT_EQ(query.get("a&b"), "1+1=2");
}

TEST(QueryParams, SkipsEmptyPieces) {
  const auto query = params("&&status=queued&");
  EXPECT_EQ(query.get("status"), "queued");
}

TEST(QueryParams, DuplicateParameterIs400) {
  for (const auto* text : {"limit=1&limit=2", "limit=1&limit=1", "li%6Dit=1&limit=2"}) {
    const auto error = api_error_of([&] { params(text); });
    EXPECT_EQ(error.status(), 400) << text;
    EXPECT_THAT(fields_of(error), ElementsAre("limit")) << text;
  }
}

TEST(QueryParams, MalformedPercentEncodingIs400) {
  for (const auto* text : {"a=%zz", "a=%4", "%=1"})
    EXPECT_EQ(api_error_of([&] { params(text); }).status(), 400) << text;
}

TEST(QueryParams, LimitBounds) {
  EXPECT_EQ(params("limit=1").limit(), 1);
  EXPECT_EQ(params("limit=1000").limit(), max_page_limit);
  for (const auto* text : {"limit=0", "limit=1001", "limit=-5", "limit=abc", "limit=10x", "limit=", "limit=1.5",
                           "limit=+5", "limit=%2010", "limit=99999999999999999999"}) {
    const auto query = params(text);
    const auto error = api_error_of([&] { query.limit(); });
    EXPECT_EQ(error.status(), 400) << text;
    EXPECT_THAT(fields_of(error), ElementsAre("limit")) << text;
  }
}

TEST(QueryParams, CursorRoundTripsForItsScope) {
  const auto cursor = domain::encode_cursor("tasks:-created_at", {std::int64_t{1700000000}, std::string{"t_1"}});
  const auto decoded = params("cursor=" + cursor).cursor("tasks:-created_at");
  ASSERT_TRUE(decoded);
  EXPECT_EQ(*decoded, (domain::CursorPosition{std::int64_t{1700000000}, std::string{"t_1"}}));
}

TEST(QueryParams, EmptyCursorIsAbsent) { EXPECT_FALSE(params("cursor=").cursor("tasks:-created_at")); }

TEST(QueryParams, GarbageOrForeignCursorIs400) {
  const auto foreign = domain::encode_cursor("posts:-date", {std::int64_t{1}});
  const auto good = domain::encode_cursor("tasks:-created_at", {std::int64_t{1}, std::string{"t"}});
  for (const auto& text : {std::string{"garbage!"}, foreign, good.substr(0, good.size() - 2), std::string(5000, 'A')}) {
    const auto query = params("cursor=" + text);
    const auto error = api_error_of([&] { query.cursor("tasks:-created_at"); });
    EXPECT_EQ(error.status(), 400) << text;
    EXPECT_THAT(fields_of(error), ElementsAre("cursor")) << text;
    EXPECT_FALSE(error.details().at(0).problem.empty());
  }
}

}  // namespace
}  // namespace vka::api
