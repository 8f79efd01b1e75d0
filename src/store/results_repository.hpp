#pragma once
// What a task collected, for the API: keyset-paginated lists (stable while rows are being added: every row
// whose sort key does not change is served exactly once), streaming iteration for exports, and analytics.
// Each page is one read snapshot; iteration reads page by page, so memory stays constant for any size.
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/collected.hpp"
#include "domain/time.hpp"

namespace vka::store {

// A keyset position: the sort key of the last row served and its (owner_id, id) tie-breaker.
struct RowKey {
  // Date as Unix seconds or a count, by the listing's sort; for the score sort, the score's bits
  // (std::bit_cast<std::int64_t>(double)), so that the position is exact.
  std::int64_t sort_value = 0;
  std::int64_t owner_id = 0;
  std::int64_t id = 0;
  bool operator==(const RowKey&) const = default;
};

enum class PostSortKey { date, likes, comments };
enum class CommentSortKey { date, likes, score };  // score: a comment without one sorts as 0

struct PostQuery {
  std::string task_id;
  std::optional<std::int64_t> group_id;  // community id (> 0): posts of its wall
  PostSortKey sort = PostSortKey::date;
  bool descending = true;
  std::optional<RowKey> after;
  int limit = 50;  // 1..1000
  std::optional<std::int64_t> post_id;
};

struct PostRow {
  domain::Post post;
  std::int64_t comments_collected = 0;        // the post's comments stored for this task
  std::optional<std::string> community_name;  // of the wall's community; none on user walls
  domain::Timestamp first_seen_at;            // when VK first returned the post
  domain::Timestamp last_seen_at;             // ... and most recently
};

struct PostPage {
  std::vector<PostRow> items;
  std::optional<RowKey> next;  // nullopt on the last page
};

struct CommentFilter {
  std::string task_id;
  std::optional<std::int64_t> group_id;  // community id (> 0)
  std::optional<std::int64_t> post_id;
  std::optional<std::int64_t> author_id;
  std::optional<domain::Sentiment> sentiment;
  std::optional<domain::Timestamp> since;  // date >= since
  std::optional<domain::Timestamp> until;  // date < until
  std::vector<std::string> stems;          // full-text: every stem must occur in the comment
  std::optional<double> min_score;         // sentiment_score >= min_score (comments without a score never match)
  std::optional<double> max_score;         // sentiment_score <= max_score
};

struct CommentQuery {
  CommentFilter filter;
  CommentSortKey sort = CommentSortKey::date;
  bool descending = true;
  std::optional<RowKey> after;
  int limit = 50;  // 1..1000
};

inline constexpr int post_excerpt_length = 100;

struct CommentRow {
  domain::Comment comment;
  std::optional<std::string> author_name;
  std::optional<std::string> community_name;  // of the wall's community; none on user walls
  std::optional<std::string> post_excerpt;    // the first post_excerpt_length characters of the post's text
  domain::Timestamp first_seen_at;            // when VK first returned the comment
  domain::Timestamp last_seen_at;             // ... and most recently
};

struct CommentPage {
  std::vector<CommentRow> items;
  std::optional<RowKey> next;
};

// Analytics of the comments a filter selects. A whole task or one of its communities is read from read models
// kept at ingest, whatever its size; a post, an author, a sentiment, dates or search terms scan the comments
// they select through their indexes.
struct AnalyticsFilter {
  CommentFilter comments;
  int top_authors = 10;  // 1..1000
  int top_posts = 100;   // per-post summaries, most commented first; 1..1000
};

struct SentimentCounts {
  std::int64_t positive = 0;
  std::int64_t neutral = 0;
  std::int64_t negative = 0;
  std::int64_t unlabelled = 0;
  bool operator==(const SentimentCounts&) const = default;
};

struct AuthorActivity {
  std::int64_t author_id = 0;
  std::optional<std::string> name;
  std::int64_t comments = 0;
  bool operator==(const AuthorActivity&) const = default;
};

struct DayActivity {
  domain::Timestamp day;  // 00:00 UTC
  std::int64_t comments = 0;
  SentimentCounts sentiment;
  bool operator==(const DayActivity&) const = default;
};

struct CommunitySummary {
  std::int64_t community_id = 0;
  std::optional<std::string> name;
  std::int64_t posts = 0;
  std::int64_t comments = 0;
  SentimentCounts sentiment;
  bool operator==(const CommunitySummary&) const = default;
};

struct PostSummary {
  std::int64_t owner_id = 0;
  std::int64_t post_id = 0;
  std::int64_t comments = 0;
  std::int64_t likes = 0;  // of the post
  SentimentCounts sentiment;
  bool operator==(const PostSummary&) const = default;
};

// Comment counts over the filter; posts count the task's posts the filter keeps.
struct Analytics {
  std::int64_t posts = 0;
  std::int64_t comments = 0;
  std::int64_t authors = 0;        // distinct comment authors
  std::int64_t comment_likes = 0;  // sum over comments
  SentimentCounts sentiment;
  std::vector<AuthorActivity> top_authors;  // most comments first, then by id
  std::vector<DayActivity> by_day;          // days with comments, oldest first
  // Index weekday * 24 + hour, UTC, Monday 00:00 = 0.
  std::array<std::int64_t, 168> by_hour_of_week{};
  std::vector<CommunitySummary> communities;  // by community id
  std::vector<PostSummary> posts_summary;     // most comments first, then by (owner_id, post_id)
};

struct KeywordCounts {
  std::int64_t comments = 0;
  std::vector<std::pair<std::string, std::int64_t>> keywords;  // (keyword, comments having it), by keyword
  bool operator==(const KeywordCounts&) const = default;
};

// Counts that phrase statistics are computed from, over the comments a filter selects: how many comments, and
// how many of them have each phrase and each word of a phrase (those in at least the asked-for number).
struct PhraseCounts {
  std::int64_t comments = 0;
  std::vector<std::pair<std::string, std::int64_t>> phrases;  // by phrase
  std::vector<std::pair<std::string, std::int64_t>> words;    // by word
  bool operator==(const PhraseCounts&) const = default;
};

class ResultsRepository {
 public:
  virtual ~ResultsRepository() = default;

  virtual PostPage posts(const PostQuery& query) = 0;
  virtual CommentPage comments(const CommentQuery& query) = 0;
  // How many rows the query selects, whatever its position and limit.
  virtual std::int64_t count_posts(const PostQuery& query) = 0;
  virtual std::int64_t count_comments(const CommentFilter& filter) = 0;
  // Grows with every committed change to what posts() and comments() return, whichever process made it
  // (migration 0014): a page read after content_version() gave v is current while it still gives v.
  virtual std::int64_t content_version() = 0;

  // Every row the query selects from query.after on, in order, fetched in pages of about 500 (query.limit
  // is ignored). visit returns false to stop early.
  virtual void for_each_post(const PostQuery& query, const std::function<bool(const PostRow&)>& visit) = 0;
  virtual void for_each_comment(const CommentQuery& query, const std::function<bool(const CommentRow&)>& visit) = 0;
  // How many comments the filter selects, and how many of them have each keyword, for keyword statistics.
  virtual KeywordCounts keyword_counts(const CommentFilter& filter) = 0;
  // The same for phrases, leaving out phrases and words in fewer than min_comments comments: they cannot pass
  // a frequency floor of min_comments, and a whole task has many such.
  virtual PhraseCounts phrase_counts(const CommentFilter& filter, std::int64_t min_comments) = 0;

  virtual Analytics analytics(const AnalyticsFilter& filter) = 0;

  // Recomputes the task's analytics read models from its stored comments (they must come out identical to
  // those kept at ingest).
  virtual void rebuild_analytics(std::string_view task_id) = 0;
};

}  // namespace vka::store
