#pragma once
// Collocations of a corpus: which two- and three-word phrases (TextAnalysis::phrases, as stored or
// computed per comment) occur together more than their words' own frequencies predict, by the
// log-likelihood ratio G² (Dunning 1993). Why and how: docs/analysis.md, "Phrases".
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace vka::analysis {

struct PhraseCount {
  std::string phrase;  // as written (normalized), e.g. «горячая вода»
  std::int64_t count;  // documents that contain it
  double score;        // G² of its first word against the rest of it
};

class PhraseStats {
 public:
  // One document's candidate phrases (TextAnalysis::phrases); each phrase and each of its words
  // counts once per document. Word counts come from the phrases, so only words that occur in
  // some phrase are counted: a document without phrases adds to the total only.
  void add(const std::vector<std::string>& phrases);
  void merge(const PhraseStats& other);
  // Counts kept elsewhere (the analytics read models): `documents` more documents in all, and how many
  // documents have each phrase and each word of a phrase (domain::phrase_words), as add() counts them.
  void add_counts(std::int64_t documents, const std::vector<std::pair<std::string, std::int64_t>>& phrases,
                  const std::vector<std::pair<std::string, std::int64_t>>& words);

  // The n phrases in at least `min_documents` documents with the highest G², positive association only.
  std::vector<PhraseCount> top(std::size_t n, std::int64_t min_documents = 3) const;

 private:
  std::unordered_map<std::string, std::int64_t> phrases_;  // documents per phrase
  std::unordered_map<std::string, std::int64_t> words_;    // documents per word
  std::int64_t documents_ = 0;
};

}  // namespace vka::analysis
