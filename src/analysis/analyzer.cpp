#include "analysis/analyzer.hpp"

#include <stdexcept>

#include "analysis/keywords.hpp"
#include "analysis/terms.hpp"
#include "analysis/tokenizer.hpp"

namespace vka::analysis {

Analyzer::Analyzer(std::shared_ptr<const Lexicon> lexicon, std::shared_ptr<const StopwordList> user_stopwords)
    : lexicon_(std::move(lexicon)), user_stopwords_(std::move(user_stopwords)) {
  if (!lexicon_) throw std::invalid_argument("Analyzer needs a lexicon");
  if (!user_stopwords_) throw std::invalid_argument("Analyzer needs a stopword list (it may be empty)");
}

TextAnalysis Analyzer::analyze(std::string_view text) const {
  const std::vector<Token> tokens = tokenize(text);
  const Language language = detect_language(tokens);
  const bool supported = sentiment_supported(language);
  // Snowball has no Ukrainian or Belarusian stemmer, and Russian stems would merge unrelated
  // words, so those texts keep their word forms and get no sentiment.
  const std::vector<std::string> stems = supported ? stem_tokens(tokens) : word_forms(tokens);
  const SentimentScore sentiment = supported ? score_sentiment(tokens, stems, *lexicon_) : unscored;
  const std::vector<bool> content = content_words(tokens, *user_stopwords_);
  TextAnalysis result{
      sentiment.label, sentiment.score, sentiment.confidence, supported, {}, {}, extract_phrases(tokens, content),
      language};
  for (auto& keyword : extract_keywords(tokens, stems, content, ReferenceFrequencies::builtin())) {
    result.keywords.push_back(std::move(keyword.word));
    result.keyword_scores.push_back(keyword.keyness);
  }
  return result;
}

std::vector<std::string> Analyzer::search_terms(std::string_view text) const {
  const std::vector<Token> tokens = tokenize(text);
  return analysis::search_terms(tokens, stem_tokens(tokens));
}

}  // namespace vka::analysis
