#pragma once
// Keywords of one text.
#include <cstddef>
#include <string>
#include <vector>

#include "analysis/reference_frequencies.hpp"
#include "analysis/token.hpp"

namespace vka::analysis {

inline constexpr std::size_t keywords_per_text = 5;

struct ScoredKeyword {
  std::string word;  // the form that occurs most often in the text (the first one on a tie)
  double keyness;    // log ratio of its rate in the text to its rate in the reference (docs/analysis.md)
};

// The text's content words (`content[i]`, see content_words) grouped by stem, without the core
// vocabulary of general language, by keyness against `reference`, then longer words first, then
// by first appearance.
std::vector<ScoredKeyword> extract_keywords(const std::vector<Token>& tokens, const std::vector<std::string>& stems,
                                            const std::vector<bool>& content, const ReferenceFrequencies& reference,
                                            std::size_t limit = keywords_per_text);

// Candidate phrases: runs of 2 or 3 adjacent content words (no stopword, punctuation or symbol
// between them), as written in normalized form, in text order without repeats.
std::vector<std::string> extract_phrases(const std::vector<Token>& tokens, const std::vector<bool>& content);

}  // namespace vka::analysis
