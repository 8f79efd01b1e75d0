#include "api/analysis_json.hpp"

#include <boost/json/array.hpp>

#include <cmath>

namespace vka::api {

double round_score(double score) { return std::round(score * 1000.0) / 1000.0; }

boost::json::object analysis_to_json(const analysis::TextAnalysis& result) {
  boost::json::array keywords;
  boost::json::array keyword_scores;
  for (std::size_t i = 0; i < result.keywords.size(); ++i) {
    keywords.emplace_back(result.keywords[i]);
    keyword_scores.push_back({{"keyword", result.keywords[i]}, {"score", round_score(result.keyword_scores[i])}});
  }
  boost::json::array phrases;
  for (const auto& phrase : result.phrases) phrases.emplace_back(phrase);
  return {{"sentiment", analysis::to_string(result.sentiment)},
          {"sentiment_score", round_score(result.sentiment_score)},
          {"confidence", round_score(result.confidence)},
          {"sentiment_supported", result.sentiment_supported},
          {"keywords", std::move(keywords)},
          {"keyword_scores", std::move(keyword_scores)},
          {"phrases", std::move(phrases)},
          {"language", analysis::to_string(result.language)}};
}

}  // namespace vka::api
