#pragma once
// What collection stores: communities, authors, wall posts and comments as VK describes them, plus the
// analysis of each comment. Plain values; VK ids are as VK gives them (communities positive here,
// negative as owners and authors).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/time.hpp"

namespace vka::domain {

enum class Sentiment { positive, neutral, negative };

std::string_view to_string(Sentiment sentiment);
std::optional<Sentiment> parse_sentiment(std::string_view text);

// is_closed as VK reports it.
enum class CommunityAccess { open = 0, closed = 1, private_ = 2 };

struct Community {
  std::int64_t id = 0;  // > 0
  std::optional<std::string> screen_name;
  std::string name;
  CommunityAccess is_closed = CommunityAccess::open;
  std::optional<std::string> type;         // "group", "page", "event"
  std::optional<std::string> deactivated;  // "deleted", "banned"
  bool operator==(const Community&) const = default;
};

// A from_id: a user (> 0) or a community (< 0).
struct Author {
  std::int64_t id = 0;
  std::string name;
  bool operator==(const Author&) const = default;
};

struct Post {
  std::int64_t owner_id = 0;
  std::int64_t id = 0;
  std::optional<std::int64_t> from_id;
  Timestamp date;
  std::string text;
  std::int64_t likes = 0;
  std::int64_t reposts = 0;
  std::optional<std::int64_t> views;
  std::int64_t comments_count = 0;
  bool is_pinned = false;
  bool operator==(const Post&) const = default;
};

struct Comment {
  std::int64_t owner_id = 0;
  std::int64_t post_id = 0;
  std::int64_t id = 0;
  std::optional<std::int64_t> parent_id;       // the comment this one replies to
  std::optional<std::int64_t> thread_root_id;  // the top-level comment of its thread
  std::int64_t from_id = 0;
  Timestamp date;
  std::string text;
  std::int64_t likes = 0;
  bool deleted = false;
  std::optional<Sentiment> sentiment;
  std::optional<double> sentiment_score;  // -1..1
  std::vector<std::string> keywords;
  // Candidate collocations of the text (analysis::TextAnalysis::phrases), kept for analytics; comment
  // listings do not read them back.
  std::vector<std::string> phrases;
  std::string stems;  // the text's search stems, space-separated
  bool operator==(const Comment&) const = default;
};

}  // namespace vka::domain
