#include <gtest/gtest.h>

#include <vector>

#include "sim/comment_page.hpp"

namespace vka::sim {
namespace {

const std::vector<std::int64_t> asc{10, 11, 12, 15, 16, 20};
const std::vector<std::int64_t> desc{20, 16, 15, 12, 11, 10};

TEST(SelectPage, OffsetAndCount) {
  EXPECT_EQ(select_page(asc, false, {.offset = 0, .count = 4}), (PageRange{0, 4}));
  EXPECT_EQ(select_page(asc, false, {.offset = 4, .count = 4}), (PageRange{4, 6}));
  EXPECT_EQ(select_page(asc, false, {.offset = 9, .count = 4}), (PageRange{}));
  EXPECT_EQ(select_page(asc, false, {.offset = 0, .count = 0}), (PageRange{}));
}

TEST(SelectPage, StartCommentIdAnchorsAtThatComment) {
  // Resume after the last stored comment: the anchor itself sits at offset 0.
  EXPECT_EQ(select_page(asc, false, {.offset = 1, .count = 2, .start_comment_id = 12}), (PageRange{3, 5}));
  EXPECT_EQ(select_page(asc, false, {.offset = 0, .count = 2, .start_comment_id = 12}), (PageRange{2, 4}));
  EXPECT_EQ(select_page(asc, false, {.offset = -2, .count = 3, .start_comment_id = 12}), (PageRange{0, 3}));
  EXPECT_EQ(select_page(asc, false, {.offset = -5, .count = 3, .start_comment_id = 11}), (PageRange{}));
}

TEST(SelectPage, MissingAnchorFallsBackToTheNearestEarlierComment) {
  EXPECT_EQ(select_page(asc, false, {.offset = 1, .count = 10, .start_comment_id = 14}), (PageRange{3, 6}));
  EXPECT_EQ(select_page(asc, false, {.offset = 0, .count = 2, .start_comment_id = 5}), (PageRange{0, 2}));
  EXPECT_EQ(select_page(desc, true, {.offset = 0, .count = 2, .start_comment_id = 14}), (PageRange{3, 5}));
  EXPECT_EQ(select_page(desc, true, {.offset = 1, .count = 2, .start_comment_id = 16}), (PageRange{2, 4}));
  EXPECT_EQ(select_page(desc, true, {.offset = 0, .count = 2, .start_comment_id = 5}), (PageRange{5, 6}));
}

}  // namespace
}  // namespace vka::sim
