#include "store/projection_delta.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>

#include "domain/phrase_words.hpp"

namespace vka::store {

namespace {

void count(SentimentTally& tally, const std::optional<domain::Sentiment>& sentiment, int sign) {
  tally.comments += sign;
  if (!sentiment) {
    tally.unlabelled += sign;
    return;
  }
  switch (*sentiment) {
    case domain::Sentiment::positive: tally.positive += sign; break;
    case domain::Sentiment::neutral: tally.neutral += sign; break;
    case domain::Sentiment::negative: tally.negative += sign; break;
  }
}

bool is_zero(std::int64_t n) { return n == 0; }
bool is_zero(const SentimentTally& tally) { return tally == SentimentTally{}; }

// Changes that cancelled out (a comment moved and moved back) stay in the maps as zeros.
template <class Map>
bool all_zero(const Map& map) {
  for (const auto& entry : map)
    if (!is_zero(entry.second)) return false;
  return true;
}

std::string quoted(const std::string& text) { return boost::json::serialize(boost::json::string(text)); }

template <class Map, class Key, class Values>
std::string rows_json(const Map& map, Key key, Values values) {
  std::string out = "[";
  for (const auto& [k, v] : map) {
    if (is_zero(v)) continue;
    if (out.size() > 1) out += ',';
    out += '[' + key(k) + ',' + values(v) + ']';
  }
  return out + ']';
}

std::string number(std::int64_t n) { return std::to_string(n); }

}  // namespace

std::int64_t day_of(std::int64_t unix_seconds) { return unix_seconds / 86400; }

// 1970-01-01 was a Thursday: 72 hours after the Monday 00:00 that starts its week.
std::int64_t hour_of_week(std::int64_t unix_seconds) { return (unix_seconds / 3600 + 72) % 168; }

CommentFacts facts_of(const domain::Comment& comment) {
  return {comment.from_id, domain::to_unix(comment.date), comment.likes, comment.sentiment, comment.keywords,
          comment.phrases};
}

void PhraseTally::add(const std::vector<std::string>& phrases, int sign) {
  for (const std::string& phrase : phrases) phrases_[phrase] += sign;
  for (const std::string& word : domain::phrase_words(phrases)) words_[word] += sign;
}

bool PhraseTally::empty() const { return all_zero(phrases_) && all_zero(words_); }

std::string PhraseTally::phrases_json() const { return rows_json(phrases_, quoted, number); }

std::string PhraseTally::words_json() const { return rows_json(words_, quoted, number); }

void ProjectionDelta::add(const CommentFacts& facts, int sign) {
  if (sign < 0) removes_ = true;
  count(totals_, facts.sentiment, sign);
  likes_ += sign * facts.likes;
  count(days_[day_of(facts.date)], facts.sentiment, sign);
  hours_[hour_of_week(facts.date)] += sign;
  for (const std::string& keyword : facts.keywords) keywords_[keyword] += sign;
  authors_[facts.from_id] += sign;
  phrases_.add(facts.phrases, sign);
}

void ProjectionDelta::change(const std::optional<CommentFacts>& before, const CommentFacts& after) {
  if (before == after) return;
  if (before) add(*before, -1);
  add(after, +1);
}

bool ProjectionDelta::empty() const {
  return is_zero(totals_) && likes_ == 0 && all_zero(days_) && all_zero(hours_) && all_zero(keywords_) &&
         all_zero(authors_) && phrases_.empty();
}

std::string ProjectionDelta::days_json() const {
  return rows_json(days_, number, [](const SentimentTally& t) {
    return number(t.comments) + ',' + number(t.positive) + ',' + number(t.neutral) + ',' + number(t.negative) + ',' +
           number(t.unlabelled);
  });
}

std::string ProjectionDelta::hours_json() const { return rows_json(hours_, number, number); }

std::string ProjectionDelta::keywords_json() const { return rows_json(keywords_, quoted, number); }

std::string ProjectionDelta::authors_json() const { return rows_json(authors_, number, number); }

}  // namespace vka::store
