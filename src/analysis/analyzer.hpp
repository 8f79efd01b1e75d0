#pragma once
// The text analyzer used by collection, POST /api/v1/analyze and `vk-analytics analyze`:
// language, sentiment and keywords of a text, and its search terms. Safe to share between
// threads: analysis is const and each thread owns its stemmers.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/language.hpp"
#include "analysis/lexicon.hpp"
#include "analysis/sentiment.hpp"
#include "analysis/stopwords.hpp"

namespace vka::analysis {

struct TextAnalysis {
  Sentiment sentiment;
  double sentiment_score;              // in [-1, 1]
  double confidence;                   // in [0, 1]; 0 when the language is not supported
  bool sentiment_supported;            // false for Ukrainian and Belarusian: sentiment not read
  std::vector<std::string> keywords;   // up to keywords_per_text, most informative first
  std::vector<double> keyword_scores;  // keyword_scores[i]: keyness of keywords[i] (docs/analysis.md)
  std::vector<std::string> phrases;    // candidate collocations of 2-3 content words, in text order
  Language language;
};

class Analyzer {
 public:
  // `user_stopwords` (VKA_STOPWORD_FILES) keep words out of keywords and phrases; search terms
  // use the built-in lists only, so that stored search indexes stay valid when they change.
  explicit Analyzer(std::shared_ptr<const Lexicon> lexicon,
                    std::shared_ptr<const StopwordList> user_stopwords = std::make_shared<const StopwordList>());

  TextAnalysis analyze(std::string_view text) const;
  // Stems of the text's words without stopwords, in order: for indexing a text and for
  // turning a query into the same terms («котики» and «котик» both give «котик»).
  std::vector<std::string> search_terms(std::string_view text) const;

  const Lexicon& lexicon() const { return *lexicon_; }

 private:
  std::shared_ptr<const Lexicon> lexicon_;
  std::shared_ptr<const StopwordList> user_stopwords_;
};

}  // namespace vka::analysis
