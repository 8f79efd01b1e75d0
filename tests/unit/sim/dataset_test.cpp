#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <set>

#include "sim/dataset.hpp"
#include "sim/truth.hpp"

namespace vka::sim {
namespace {

DatasetOptions small(std::uint64_t seed) {
  DatasetOptions options;
  options.seed = seed;
  options.communities = 6;
  options.posts = 12;
  options.comments_mean = 15;
  options.long_thread_replies = 120;
  return options;
}

TEST(Dataset, SameSeedSameDataDifferentSeedDifferentData) {
  const Dataset a{small(7)};
  const Dataset b{small(7)};
  const Dataset c{small(8)};
  const auto truth_a = boost::json::serialize(truth_json(a));
  EXPECT_EQ(truth_a, boost::json::serialize(truth_json(b)));
  EXPECT_NE(truth_a, boost::json::serialize(truth_json(c)));
}

TEST(Dataset, CommentsDoNotDependOnAccessOrder) {
  const Dataset forward{small(3)};
  const Dataset backward{small(3)};
  const auto wall = forward.wall(forward.communities()[0].id);
  const auto other = backward.wall(backward.communities()[0].id);
  for (std::size_t i = other.size(); i-- > 0;) backward.comments(other[i]);
  for (std::size_t i = 0; i < wall.size(); ++i) {
    const auto& x = forward.comments(wall[i]).items;
    const auto& y = backward.comments(other[i]).items;
    ASSERT_EQ(x.size(), y.size());
    for (std::size_t k = 0; k < x.size(); ++k) EXPECT_EQ(x[k].text, y[k].text);
  }
}

TEST(Dataset, HasThePrivateBannedAndCommentsClosedCommunities) {
  const Dataset data{small(1)};
  const auto& cs = data.communities();
  EXPECT_TRUE(
      std::any_of(cs.begin(), cs.end(), [](const Community& c) { return c.is_closed == 2 && c.type == "group"; }));
  EXPECT_TRUE(std::any_of(cs.begin(), cs.end(), [](const Community& c) { return c.deactivated == "banned"; }));
  EXPECT_TRUE(std::any_of(cs.begin(), cs.end(), [](const Community& c) { return c.comments_closed; }));
  EXPECT_TRUE(std::any_of(cs.begin(), cs.end(), [](const Community& c) { return c.screen_name == "sim_news"; }));
  EXPECT_TRUE(std::any_of(cs.begin(), cs.end(), [](const Community& c) {
    return c.screen_name == "club" + std::to_string(c.id) || c.screen_name == "public" + std::to_string(c.id);
  }));
  for (const auto& c : cs) EXPECT_EQ(data.community_by_screen_name(c.screen_name), &c);
}

TEST(Dataset, WallShowsAnOlderPinnedPostFirstThenNewestFirst) {
  const Dataset data{small(2)};
  for (const auto& c : data.communities()) {
    const auto wall = data.wall(c.id);
    ASSERT_EQ(wall.size(), 12u);
    EXPECT_TRUE(wall[0].is_pinned);
    EXPECT_LT(wall[0].date, wall[3].date) << "pinned post must be older than several others";
    for (std::size_t i = 2; i < wall.size(); ++i) {
      EXPECT_FALSE(wall[i].is_pinned);
      EXPECT_LT(wall[i].date, wall[i - 1].date);
      EXPECT_LT(wall[i].id, wall[i - 1].id);
    }
    for (const auto& post : wall) EXPECT_EQ(data.post(post.owner_id, post.id), &post);
  }
  EXPECT_EQ(data.post(-data.communities()[0].id, 1), nullptr);
}

TEST(Dataset, CommentInvariants) {
  const Dataset data{small(4)};
  std::size_t longest = 0;
  std::size_t deleted_roots_with_replies = 0;
  std::set<Sentiment> labels;
  bool user_author = false;
  bool community_author = false;
  bool deactivated_author = false;
  for (const auto& c : data.communities()) {
    for (const auto& post : data.wall(c.id)) {
      const auto& comments = data.comments(post);
      std::int64_t visible = 0;
      for (std::size_t i = 0; i < comments.items.size(); ++i) {
        const auto& m = comments.items[i];
        EXPECT_EQ(m.owner_id, post.owner_id);
        EXPECT_EQ(m.post_id, post.id);
        EXPECT_GT(m.date, post.date);
        if (i > 0) {
          EXPECT_EQ(m.id, comments.items[i - 1].id + 1);
          EXPECT_GE(m.date, comments.items[i - 1].date);
        }
        if (m.parent_id) {
          const auto* parent = comments.find(*m.parent_id);
          ASSERT_NE(parent, nullptr);
          EXPECT_LT(parent->date, m.date);
          ASSERT_TRUE(m.thread_root_id);
          EXPECT_FALSE(comments.find(*m.thread_root_id)->thread_root_id);
        } else {
          EXPECT_FALSE(m.thread_root_id);
        }
        if (m.deleted) {
          EXPECT_TRUE(m.text.empty());
        } else {
          ++visible;
          EXPECT_FALSE(m.text.empty());
          labels.insert(m.sentiment);
        }
        if (m.from_id > 0) {
          const auto* u = data.user(m.from_id);
          ASSERT_NE(u, nullptr);
          user_author = true;
          deactivated_author = deactivated_author || u->deactivated.has_value();
        } else {
          ASSERT_NE(data.community(-m.from_id), nullptr);
          community_author = true;
        }
      }
      EXPECT_EQ(visible, comments.visible_count);
      for (const auto root : comments.top_level) {
        const auto& r = comments.items[root];
        const auto replies = comments.replies_of(r.id);
        longest = std::max(longest, replies.size());
        if (r.deleted && !replies.empty()) ++deleted_roots_with_replies;
      }
    }
  }
  EXPECT_EQ(longest, 120u);
  EXPECT_GE(deleted_roots_with_replies, 1u);
  EXPECT_EQ(labels.size(), 3u);
  EXPECT_TRUE(user_author);
  EXPECT_TRUE(community_author);
  EXPECT_TRUE(deactivated_author);
}

TEST(Dataset, TextsMixLanguagesMentionsAndCsvHostileCharacters) {
  const Dataset data{small(5)};
  bool cyrillic = false, latin_only = false, mention = false, newline = false, quote = false, emoji = false;
  for (const auto& c : data.communities())
    for (const auto& post : data.wall(c.id))
      for (const auto& m : data.comments(post).items) {
        cyrillic = cyrillic || m.text.find("\xD0") != std::string::npos;
        latin_only = latin_only || (!m.text.empty() && std::all_of(m.text.begin(), m.text.begin() + 3, [](char ch) {
                       return ch > 0 && ch < 127;
                     }) && m.text.find("\xD0") == std::string::npos);
        mention = mention || m.text.starts_with("[id") || m.text.starts_with("[club");
        newline = newline || m.text.find('\n') != std::string::npos;
        quote = quote || m.text.find('"') != std::string::npos;
        emoji = emoji || m.text.find("\xF0\x9F") != std::string::npos;
      }
  EXPECT_TRUE(cyrillic);
  EXPECT_TRUE(latin_only);
  EXPECT_TRUE(mention);
  EXPECT_TRUE(newline);
  EXPECT_TRUE(quote);
  EXPECT_TRUE(emoji);
}

}  // namespace
}  // namespace vka::sim
