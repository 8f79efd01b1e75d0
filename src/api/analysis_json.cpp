#include "api/analysis_json.hpp"

#include <boost/json/array.hpp>

#include <cmath>

namespace vka::api {

double round_score(double score) { return std::round(score * 1000.0) / 1000.0; }

boost::json::object analysis_to_json(const analysis::TextAnalysis& result) {
  boost::json::array keywords;
  for (const auto& keyword : result.keywords) keywords.emplace_back(keyword);
  return {{"sentiment", analysis::to_string(result.sentiment)},
          {"sentiment_score", round_score(result.sentiment_score)},
          {"keywords", std::move(keywords)},
          {"language", analysis::to_string(result.language)}};
}

}  // namespace vka::api
