#include <gtest/gtest.h>

#include "store/error.hpp"
#include "store/json_columns.hpp"

namespace vka::store {
namespace {

TEST(TaskParamsJson, RoundTripsEveryField) {
  domain::TaskParams params;
  params.name = "ignored: tasks.name holds it";
  params.groups = {{std::int64_t{1}}, {std::string("apiclub")}};
  params.posts = {{-1, 123}, {7, 9}};
  params.posts_per_group = 100000;
  params.since = domain::from_unix(1'700'000'000);
  params.threads = false;
  params.vk_token_id = "tok";
  const std::string json = encode_task_params(params);
  EXPECT_EQ(json.find("ignored"), std::string::npos);
  const domain::TaskParams back = decode_task_params(json);
  EXPECT_EQ(back.name, std::nullopt);
  EXPECT_EQ(back.groups, params.groups);
  EXPECT_EQ(back.posts, params.posts);
  EXPECT_EQ(back.posts_per_group, 100000);
  EXPECT_EQ(back.since, params.since);
  EXPECT_EQ(back.until, std::nullopt);
  EXPECT_FALSE(back.threads);
  EXPECT_EQ(back.vk_token_id, "tok");
}

TEST(TaskParamsJson, MalformedTextIsCorrupt) {
  const char* bad[] = {
      "",
      "[]",
      R"({"groups":[]})",
      R"({"groups":[1.5],"posts":[],"posts_per_group":1,"since":null,"until":null,"threads":true,"vk_token_id":null})",
      R"({"groups":[],"posts":["-1x2"],"posts_per_group":1,"since":null,"until":null,"threads":true,"vk_token_id":null})",
      R"({"groups":[],"posts":["-1_"],"posts_per_group":1,"since":null,"until":null,"threads":true,"vk_token_id":null})",
      R"({"groups":[],"posts":[],"posts_per_group":1,"since":"yesterday","until":null,"threads":true,"vk_token_id":null})",
      R"({"groups":[],"posts":[],"posts_per_group":1,"since":null,"until":null,"threads":1,"vk_token_id":null})",
      R"({"groups":[],"posts":[],"posts_per_group":1,"since":null,"until":null,"threads":true,"vk_token_id":5})",
  };
  for (const char* text : bad) {
    try {
      decode_task_params(text);
      ADD_FAILURE() << "accepted " << text;
    } catch (const StoreError& e) {
      EXPECT_EQ(e.kind(), StoreErrorKind::corrupt) << text;
    }
  }
}

TEST(HeadersJson, RoundTripKeepsOrderAndDuplicates) {
  const HeaderList headers{{"Set-Cookie", "a=1"}, {"Content-Type", "application/json"}, {"Set-Cookie", "b=\"2\""}};
  EXPECT_EQ(decode_headers(encode_headers(headers)), headers);
  EXPECT_TRUE(decode_headers(encode_headers({})).empty());
  EXPECT_THROW(decode_headers(R"([["only-name"]])"), StoreError);
  EXPECT_THROW(decode_headers(R"({"a":"b"})"), StoreError);
}

}  // namespace
}  // namespace vka::store
