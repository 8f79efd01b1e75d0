#include "analysis/analyzer.hpp"

#include <stdexcept>

#include "analysis/keywords.hpp"
#include "analysis/terms.hpp"
#include "analysis/tokenizer.hpp"

namespace vka::analysis {

Analyzer::Analyzer(std::shared_ptr<const Lexicon> lexicon) : lexicon_(std::move(lexicon)) {
  if (!lexicon_) throw std::invalid_argument("Analyzer needs a lexicon");
}

TextAnalysis Analyzer::analyze(std::string_view text) const {
  const std::vector<Token> tokens = tokenize(text);
  const std::vector<std::string> stems = stem_tokens(tokens);
  const SentimentScore sentiment = score_sentiment(tokens, stems, *lexicon_);
  return TextAnalysis{sentiment.label, sentiment.score, extract_keywords(tokens, stems), detect_language(tokens)};
}

std::vector<std::string> Analyzer::search_terms(std::string_view text) const {
  const std::vector<Token> tokens = tokenize(text);
  return analysis::search_terms(tokens, stem_tokens(tokens));
}

}  // namespace vka::analysis
