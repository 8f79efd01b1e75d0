#pragma once
// What a set of comment changes adds to, or takes from, the analytics read models of one wall (see
// migrations/*/0003_analytics_projections.sql): pure arithmetic, so that a page write applies it in a
// handful of statements whatever the page's size. A comment stored again unchanged contributes nothing.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/collected.hpp"

namespace vka::store {

// What one comment counts for in the read models.
struct CommentFacts {
  std::int64_t from_id = 0;
  std::int64_t date = 0;  // Unix seconds
  std::int64_t likes = 0;
  std::optional<domain::Sentiment> sentiment;
  std::vector<std::string> keywords;
  std::vector<std::string> phrases;
  bool operator==(const CommentFacts&) const = default;
};

CommentFacts facts_of(const domain::Comment& comment);

struct SentimentTally {
  std::int64_t comments = 0;
  std::int64_t positive = 0;
  std::int64_t neutral = 0;
  std::int64_t negative = 0;
  std::int64_t unlabelled = 0;
  bool operator==(const SentimentTally&) const = default;
};

// How many comments have each phrase, and each word of a phrase (domain::phrase_words): the counts
// phrase statistics are computed from (docs/analysis.md, "Phrases").
class PhraseTally {
 public:
  // One comment's phrases; sign +1 adds them, -1 takes them away.
  void add(const std::vector<std::string>& phrases, int sign);

  bool empty() const;

  // [["phrase", comments], …] and [["word", comments], …], the non-zero counts only.
  std::string phrases_json() const;
  std::string words_json() const;

  const std::map<std::string, std::int64_t>& phrase_counts() const { return phrases_; }
  const std::map<std::string, std::int64_t>& word_counts() const { return words_; }

 private:
  std::map<std::string, std::int64_t> phrases_;
  std::map<std::string, std::int64_t> words_;
};

class ProjectionDelta {
 public:
  // sign +1 adds the comment, -1 takes it away.
  void add(const CommentFacts& facts, int sign);
  // Takes `before` away and adds `after`: nothing when they are equal.
  void change(const std::optional<CommentFacts>& before, const CommentFacts& after);

  bool empty() const;
  // True when some count goes down, so rows may reach zero and must then be removed.
  bool removes() const { return removes_; }

  const SentimentTally& totals() const { return totals_; }
  std::int64_t likes() const { return likes_; }

  // The non-zero changes as JSON arrays of rows, for the statements that apply them:
  // [[day, comments, positive, neutral, negative, unlabelled], …], [[hour, comments], …],
  // [["keyword", comments], …] and [[from_id, comments], …].
  std::string days_json() const;
  std::string hours_json() const;
  std::string keywords_json() const;
  std::string authors_json() const;
  const PhraseTally& phrases() const { return phrases_; }

 private:
  SentimentTally totals_;
  std::int64_t likes_ = 0;
  std::map<std::int64_t, SentimentTally> days_;
  std::map<std::int64_t, std::int64_t> hours_;
  std::map<std::string, std::int64_t> keywords_;
  std::map<std::int64_t, std::int64_t> authors_;
  PhraseTally phrases_;
  bool removes_ = false;
};

// Day (since the Unix epoch) and hour of the week (Monday 00:00 UTC = 0) of a Unix time, as the read models
// and the analytics SQL count them.
std::int64_t day_of(std::int64_t unix_seconds);
std::int64_t hour_of_week(std::int64_t unix_seconds);

}  // namespace vka::store
