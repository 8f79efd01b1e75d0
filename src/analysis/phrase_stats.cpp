#include "analysis/phrase_stats.hpp"

#include <algorithm>
#include <unordered_set>

#include "analysis/keyword_stats.hpp"
#include "domain/phrase_words.hpp"

namespace vka::analysis {

namespace {

void count_once(std::unordered_map<std::string, std::int64_t>& counts, const std::vector<std::string>& items) {
  std::unordered_set<std::string_view> seen;
  for (const std::string& item : items)
    if (seen.insert(item).second) ++counts[item];
}

}  // namespace

void PhraseStats::add(const std::vector<std::string>& phrases) {
  ++documents_;
  count_once(phrases_, phrases);
  count_once(words_, domain::phrase_words(phrases));
}

void PhraseStats::add_counts(std::int64_t documents, const std::vector<std::pair<std::string, std::int64_t>>& phrases,
                             const std::vector<std::pair<std::string, std::int64_t>>& words) {
  documents_ += documents;
  for (const auto& [phrase, count] : phrases) phrases_[phrase] += count;
  for (const auto& [word, count] : words) words_[word] += count;
}

void PhraseStats::merge(const PhraseStats& other) {
  documents_ += other.documents_;
  for (const auto& [phrase, count] : other.phrases_) phrases_[phrase] += count;
  for (const auto& [word, count] : other.words_) words_[word] += count;
}

// The 2×2 table of a phrase over documents: with / without its first word × with / without its
// last word. A phrase is kept when its last word follows the first more often than it occurs
// in documents without the first word.
std::vector<PhraseCount> PhraseStats::top(std::size_t n, std::int64_t min_documents) const {
  std::vector<PhraseCount> result;
  for (const auto& [phrase, together] : phrases_) {
    if (together < min_documents) continue;
    const std::string first = phrase.substr(0, phrase.find(' '));
    const std::string last = phrase.substr(phrase.rfind(' ') + 1);
    const auto first_documents = words_.contains(first) ? words_.at(first) : together;
    const auto last_documents = words_.contains(last) ? words_.at(last) : together;
    // P(last | first) against P(last | not first).
    const std::int64_t without_first = documents_ - first_documents;
    const std::int64_t last_without_first = std::max<std::int64_t>(last_documents - together, 0);
    if (without_first > 0 && together * without_first <= last_without_first * first_documents) continue;
    result.push_back(PhraseCount{
        phrase, together,
        log_likelihood_ratio(together, first_documents, last_without_first, std::max<std::int64_t>(without_first, 1))});
  }
  std::sort(result.begin(), result.end(), [](const PhraseCount& a, const PhraseCount& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.count != b.count) return a.count > b.count;
    return a.phrase < b.phrase;
  });
  if (result.size() > n) result.resize(n);
  return result;
}

}  // namespace vka::analysis
