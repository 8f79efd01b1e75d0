#pragma once
// Corpus-level keyword statistics: how many documents (comments) mention each keyword, and
// which keywords set a subset (one community, one post) apart from the whole task, by the
// log-likelihood ratio G². Why G²: docs/analysis.md.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analysis/reference_frequencies.hpp"

namespace vka::analysis {

struct KeywordCount {
  std::string term;    // the form seen most often (alphabetically first on a tie)
  std::int64_t count;  // documents that mention it
  double score;        // G² against the background, or the share of documents without one
};

class KeywordStats {
 public:
  // One document's keywords (e.g. TextAnalysis::keywords, as stored with a comment). Forms of
  // one word count together («котики», «котик»); each word counts once per document.
  void add(const std::vector<std::string>& keywords);
  void merge(const KeywordStats& other);
  // Counts kept elsewhere: `documents` more documents in all, and how many documents have each keyword.
  // Exact as long as no document has two keywords of one word, which keyword extraction guarantees.
  void add_counts(std::int64_t documents, const std::vector<std::pair<std::string, std::int64_t>>& keywords);

  std::int64_t documents() const { return documents_; }

  // The n keywords mentioned by the most documents; score = count / documents.
  std::vector<KeywordCount> top(std::size_t n) const;

  // The n keywords most over-represented in these documents compared with the rest of
  // `whole`, a superset of them (the task these comments belong to), ranked by G².
  // When `whole` holds nothing beyond these documents, the same as top(n).
  std::vector<KeywordCount> top(std::size_t n, const KeywordStats& whole) const;

  // The n keywords most over-represented in these documents compared with general language,
  // ranked by G² on (mentions of the term / of all keywords here) × (its count / all content
  // tokens in `reference`); terms in fewer than `min_documents` documents are left out.
  // For analytics of a whole task: chatty and function-like words fall away.
  std::vector<KeywordCount> key_terms(std::size_t n,
                                      const ReferenceFrequencies& reference = ReferenceFrequencies::builtin(),
                                      std::int64_t min_documents = 3) const;

 private:
  struct Term {
    std::int64_t documents = 0;
    std::unordered_map<std::string, std::int64_t> forms;
  };
  static const std::string& display_form(const Term& term);

  std::unordered_map<std::string, Term> terms_;  // by stem
  std::int64_t documents_ = 0;
};

// G² (log-likelihood ratio) of a term seen in `a` of `n1` documents and `b` of `n2` others.
double log_likelihood_ratio(std::int64_t a, std::int64_t n1, std::int64_t b, std::int64_t n2);

}  // namespace vka::analysis
