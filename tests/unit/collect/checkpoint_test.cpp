#include "collect/checkpoint.hpp"

#include <gtest/gtest.h>

namespace vka::collect {
namespace {

TEST(Checkpoint, WallRoundTrip) {
  WallCheckpoint checkpoint{300, 251, 1523, {"apiclub", "vkapi"}};
  const auto decoded = decode_wall_checkpoint(encode(checkpoint));
  ASSERT_TRUE(decoded) << decoded.error();
  EXPECT_EQ(*decoded, checkpoint);
  const auto fresh = decode_wall_checkpoint(encode(WallCheckpoint{}));
  ASSERT_TRUE(fresh);
  EXPECT_EQ(*fresh, WallCheckpoint{});
}

TEST(Checkpoint, CommentsRoundTrip) {
  CommentsCheckpoint checkpoint;
  checkpoint.offset = 200;
  checkpoint.top_count = 250;
  checkpoint.threads = {{766, 100, 140}, {801, 0, 12}};
  const auto decoded = decode_comments_checkpoint(encode(checkpoint));
  ASSERT_TRUE(decoded) << decoded.error();
  EXPECT_EQ(*decoded, checkpoint);
  checkpoint.top_done = true;
  checkpoint.threads.clear();
  EXPECT_EQ(*decode_comments_checkpoint(encode(checkpoint)), checkpoint);
  EXPECT_TRUE(checkpoint.done());
}

TEST(Checkpoint, RejectsWhatItDidNotWrite) {
  EXPECT_FALSE(decode_wall_checkpoint("{\"offset\": 1"));
  EXPECT_FALSE(decode_wall_checkpoint("[]"));
  EXPECT_FALSE(decode_wall_checkpoint(R"({"posts_seen": 1})"));
  EXPECT_FALSE(decode_wall_checkpoint(R"({"offset": -1, "posts_seen": 0})"));
  EXPECT_FALSE(decode_wall_checkpoint(R"({"offset": "1", "posts_seen": 0})"));
  EXPECT_FALSE(decode_wall_checkpoint(R"({"offset": 0, "posts_seen": 0, "names": [""]})"));
  const auto unknown = decode_wall_checkpoint(R"({"offset": 0, "posts_seen": 0, "cursor": 5})");
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().find("cursor"), std::string::npos);
  EXPECT_FALSE(decode_comments_checkpoint(R"({"offset": 0, "top_done": 1})"));
  EXPECT_FALSE(decode_comments_checkpoint(R"({"offset": 0, "threads": [{"comment_id": 0, "offset": 0, "count": 1}]})"));
  EXPECT_FALSE(decode_comments_checkpoint(R"({"offset": 0, "threads": [{"comment_id": 5, "offset": 0}]})"));
  EXPECT_FALSE(decode_comments_checkpoint(R"({"offset": 0, "threads": {}})"));
}

}  // namespace
}  // namespace vka::collect
