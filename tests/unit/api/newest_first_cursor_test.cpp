#include <gtest/gtest.h>

#include "api/newest_first_cursor.hpp"
#include "error_matchers.hpp"

namespace vka::api {
namespace {

using testing::api_error_of;

constexpr std::string_view scope = "things:-created_at";

QueryParams with_cursor(const std::string& cursor) {
  http::Request request;
  request.method = "GET";
  request.path = "/api/v1/things";
  request.query = "cursor=" + cursor;
  return QueryParams{request};
}

TEST(NewestFirstCursor, NextCursorReadsBackAsTheSamePosition) {
  const NewestFirstPosition position{domain::from_unix(1'800'000'000), "vt_01abc"};
  const auto json = next_cursor_json(scope, position);
  ASSERT_TRUE(json.is_string());
  const auto read = read_newest_first_cursor(with_cursor(std::string{json.get_string()}), scope);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->created_at, position.created_at);
  EXPECT_EQ(read->id, position.id);
}

TEST(NewestFirstCursor, LastPageHasANullCursorAndNoCursorMeansTheStart) {
  EXPECT_TRUE(next_cursor_json(scope, std::nullopt).is_null());
  EXPECT_FALSE(read_newest_first_cursor(with_cursor(""), scope));
}

TEST(NewestFirstCursor, CursorsOfOtherListingsOrShapesAre400) {
  const auto other_scope = next_cursor_json("tasks:-created_at", NewestFirstPosition{domain::from_unix(1), "t_1"});
  const auto wrong_shape = domain::encode_cursor(scope, {std::string{"t_1"}, std::int64_t{1}});
  for (const std::string& cursor : {std::string{other_scope.get_string()}, wrong_shape}) {
    const auto error = api_error_of([&] { read_newest_first_cursor(with_cursor(cursor), scope); });
    EXPECT_EQ(error.status(), 400) << cursor;
  }
}

}  // namespace
}  // namespace vka::api
