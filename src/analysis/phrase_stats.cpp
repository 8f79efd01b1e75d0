#include "analysis/phrase_stats.hpp"

#include <algorithm>
#include <unordered_set>

#include "analysis/best_ranked.hpp"
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
  phrases_.reserve(phrases_.size() + phrases.size());
  words_.reserve(words_.size() + words.size());
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
  const auto documents_with = [&](const std::string& word, std::int64_t otherwise) {
    const auto found = words_.find(word);
    return found == words_.end() ? otherwise : found->second;
  };
  std::vector<RankedText> candidates;
  for (const auto& [phrase, together] : phrases_) {
    if (together < min_documents) continue;
    const auto first_documents = documents_with(phrase.substr(0, phrase.find(' ')), together);
    const auto last_documents = documents_with(phrase.substr(phrase.rfind(' ') + 1), together);
    // P(last | first) against P(last | not first).
    const std::int64_t without_first = documents_ - first_documents;
    const std::int64_t last_without_first = std::max<std::int64_t>(last_documents - together, 0);
    if (without_first > 0 && together * without_first <= last_without_first * first_documents) continue;
    candidates.push_back({&phrase, together,
                          log_likelihood_ratio(together, first_documents, last_without_first,
                                               std::max<std::int64_t>(without_first, 1))});
  }
  return best_ranked<PhraseCount>(candidates, n);
}

}  // namespace vka::analysis
