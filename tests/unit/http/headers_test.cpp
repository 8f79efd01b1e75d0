#include <gtest/gtest.h>

#include "http/message.hpp"

namespace vka::http {
namespace {

TEST(Headers, GetIgnoresCase) {
  Headers headers;
  headers.add("Content-Type", "application/json");
  EXPECT_EQ(headers.get("content-type"), "application/json");
  EXPECT_EQ(headers.get("CONTENT-TYPE"), "application/json");
  EXPECT_FALSE(headers.get("Content-Length"));
}

TEST(Headers, AddKeepsEveryFieldInArrivalOrderAndGetReturnsTheFirst) {
  Headers headers;
  headers.add("Vary", "Origin");
  headers.add("vary", "Accept-Encoding");
  ASSERT_EQ(headers.fields().size(), 2u);
  EXPECT_EQ(headers.fields()[1].first, "vary");
  EXPECT_EQ(headers.get("Vary"), "Origin");
}

TEST(Headers, SetReplacesEveryFieldOfThatNameWhateverItsCase) {
  Headers headers;
  headers.add("X-A", "1");
  headers.add("x-a", "2");
  headers.add("Other", "x");
  headers.set("X-a", "3");
  ASSERT_EQ(headers.fields().size(), 2u);
  EXPECT_EQ(headers.fields()[0].first, "Other");
  EXPECT_EQ(headers.get("x-a"), "3");
}

TEST(Headers, RemoveDropsEveryFieldOfThatNameOnly) {
  Headers headers;
  headers.add("ETag", "a");
  headers.add("etag", "b");
  headers.add("Age", "1");
  headers.remove("ETAG");
  EXPECT_FALSE(headers.get("etag"));
  EXPECT_EQ(headers.get("Age"), "1");
  headers.remove("Missing");
  EXPECT_EQ(headers.fields().size(), 1u);
}

TEST(Iequals, ComparesAsciiLettersWithoutCase) {
  EXPECT_TRUE(iequals("Bearer ", "bearer "));
  EXPECT_FALSE(iequals("abc", "abd"));
  EXPECT_FALSE(iequals("abc", "ab"));
  // '@' (0x40) and '`' (0x60) differ by 32 like letters do, but they are not one letter in two cases.
  EXPECT_FALSE(iequals("@", "`"));
  EXPECT_FALSE(iequals("[", "{"));
}

TEST(Request, PathParamIsEmptyWhenAbsent) {
  Request request;
  request.path_params.emplace("id", "t1");
  EXPECT_EQ(request.path_param("id"), "t1");
  EXPECT_EQ(request.path_param("other"), "");
}

}  // namespace
}  // namespace vka::http
