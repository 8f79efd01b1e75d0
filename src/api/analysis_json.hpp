#pragma once
// The analyzer's verdict on one text, in the contract's JSON shape (also used for NDJSON output).
#include <boost/json/object.hpp>

#include "analysis/analyzer.hpp"

namespace vka::api {

boost::json::object analysis_to_json(const analysis::TextAnalysis& result);
// Scores are rounded to 3 decimals: more digits would only be noise.
double round_score(double score);

}  // namespace vka::api
