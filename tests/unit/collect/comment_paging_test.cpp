#include "collect/comment_paging.hpp"

#include <gtest/gtest.h>

#include "analyzer_fixture.hpp"

namespace vka::collect {
namespace {

using testing::analyzer;

vk::Comment comment(std::int64_t id, std::string text = "hello") {
  vk::Comment c;
  c.owner_id = -1;
  c.post_id = 10;
  c.id = id;
  c.from_id = 5;
  c.date = domain::from_unix(1000 + id);
  c.text = std::move(text);
  return c;
}

vk::Comment reply(std::int64_t id, std::int64_t root) {
  vk::Comment c = comment(id);
  c.parents_stack = {root};
  c.reply_to_comment = root;
  return c;
}

vk::CommentsPage top_page(std::int64_t first_id, int size, std::int64_t level_count) {
  vk::CommentsPage page;
  page.count = level_count;
  page.current_level_count = level_count;
  for (int i = 0; i < size; ++i) page.items.push_back(comment(first_id + i));
  return page;
}

// A page applied with its comments analysed, as the collector applies it.
std::optional<CommentsStep> apply_top(const CommentsCheckpoint& at, std::int64_t offset, const vk::CommentsPage& page,
                                      bool follow_threads = true) {
  return apply_top_page(at, offset, page, follow_threads, top_page_comments(page, analyzer()));
}

std::optional<CommentsStep> apply_branch(const CommentsCheckpoint& at, std::int64_t comment_id, std::int64_t offset,
                                         const vk::CommentsPage& page) {
  return apply_branch_page(at, comment_id, offset, page, branch_page_comments(page, comment_id, analyzer()));
}

TEST(CommentPaging, TopLevelQueuesLongThreadsAndStoresInlineReplies) {
  vk::CommentsPage page = top_page(1, 3, 3);
  page.items[0].thread.count = 2;
  page.items[0].thread.items = {reply(100, 1), reply(101, 1)};
  page.items[1].thread.count = 140;
  for (int i = 0; i < 10; ++i) page.items[1].thread.items.push_back(reply(200 + i, 2));
  const auto step = apply_top({}, 0, page);
  ASSERT_TRUE(step);
  EXPECT_EQ(step->comments.size(), 15u);
  EXPECT_TRUE(step->next.top_done);
  EXPECT_EQ(step->next.offset, 3);
  ASSERT_EQ(step->next.threads.size(), 1u);
  EXPECT_EQ(step->next.threads[0], (ThreadCursor{2, 0, 140}));
  EXPECT_FALSE(step->next.done());
  const domain::Comment& inline_reply = step->comments[1];
  EXPECT_EQ(inline_reply.id, 100);
  EXPECT_EQ(inline_reply.parent_id, 1);
  EXPECT_EQ(inline_reply.thread_root_id, 1);
  EXPECT_FALSE(step->comments[0].parent_id);
  EXPECT_FALSE(step->comments[0].thread_root_id);
}

TEST(CommentPaging, WithoutThreadsNoBranchIsQueued) {
  vk::CommentsPage page = top_page(1, 1, 1);
  page.items[0].thread.count = 50;
  const auto step = apply_top({}, 0, page, false);
  EXPECT_TRUE(step->next.threads.empty());
  EXPECT_TRUE(step->next.done());
}

TEST(CommentPaging, FullPageContinuesUntilTheLevelEnds) {
  const auto first = apply_top({}, 0, top_page(1, 100, 250));
  EXPECT_FALSE(first->next.top_done);
  EXPECT_EQ(first->next.offset, 100);
  EXPECT_EQ(top_pages_wanted(first->next, 25), 2);
  EXPECT_EQ(top_pages_wanted({}, 25), 1);
  EXPECT_FALSE(apply_top(first->next, 200, top_page(201, 50, 250)));
  const auto second = apply_top(first->next, 100, top_page(101, 100, 200));
  EXPECT_FALSE(second->next.top_done) << "counts do not reconcile: only a short page ends the level";
  EXPECT_EQ(top_pages_wanted(second->next, 25), 1);
  const auto third = apply_top(second->next, 200, top_page(201, 0, 200));
  EXPECT_TRUE(third->next.top_done);
}

TEST(CommentPaging, MoreCommentsThanTheCountSaysAreStillPaged) {
  // Deleted comments that VK returns but does not count.
  const auto first = apply_top({}, 0, top_page(1, 100, 95));
  EXPECT_FALSE(first->next.top_done);
  const auto second = apply_top(first->next, 100, top_page(101, 7, 95));
  EXPECT_TRUE(second->next.top_done);
  EXPECT_EQ(second->next.offset, 107);
}

TEST(CommentPaging, BranchPagesUntilShortPage) {
  CommentsCheckpoint at;
  at.top_done = true;
  at.threads = {{2, 0, 140}};
  vk::CommentsPage page;
  page.count = 140;
  for (int i = 0; i < 100; ++i) page.items.push_back(reply(300 + i, 2));
  page.items[5].reply_to_comment = 303;  // a reply to a reply
  page.items[5].parents_stack = {2, 303};
  const auto first = apply_branch(at, 2, 0, page);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->next.threads[0].offset, 100);
  EXPECT_EQ(first->comments[5].parent_id, 303);
  EXPECT_EQ(first->comments[5].thread_root_id, 2);
  EXPECT_EQ(branch_pages_wanted(first->next.threads[0], 25), 1);
  page.items.resize(40);
  EXPECT_FALSE(apply_branch(first->next, 2, 0, page));
  const auto second = apply_branch(first->next, 2, 100, page);
  EXPECT_TRUE(second->next.done());
}

TEST(CommentPaging, DeletedCommentIsATombstoneWithoutAnalysis) {
  vk::CommentsPage page = top_page(1, 2, 2);
  page.items[0].deleted = true;
  page.items[0].text.clear();
  page.items[1].text = "Отличная новость, спасибо большое!";
  const auto step = apply_top({}, 0, page);
  EXPECT_TRUE(step->comments[0].deleted);
  EXPECT_FALSE(step->comments[0].sentiment);
  ASSERT_TRUE(step->comments[1].sentiment);
  EXPECT_EQ(*step->comments[1].sentiment, domain::Sentiment::positive);
  EXPECT_FALSE(step->comments[1].stems.empty());
}

}  // namespace
}  // namespace vka::collect
