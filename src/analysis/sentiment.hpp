#pragma once
// Lexicon-and-rules sentiment: negation scope, intensifiers and diminishers, contrast,
// emoji and emoticons, exclamation marks. The method is described in docs/analysis.md.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/lexicon.hpp"
#include "analysis/token.hpp"

namespace vka::analysis {

enum class Sentiment { positive, neutral, negative };

std::string_view to_string(Sentiment sentiment);
std::optional<Sentiment> parse_sentiment(std::string_view text);

// A score at or above positive_threshold is positive, at or below negative_threshold negative.
inline constexpr double positive_threshold = 0.2;
inline constexpr double negative_threshold = -0.2;

struct SentimentScore {
  Sentiment label;
  double score;       // in [-1, 1]
  double confidence;  // in [0, 1]: how far the score is from the label's boundaries (docs/analysis.md)
};

// The verdict for a text the analyzer cannot read (a language without lexicon): neutral, 0, 0.
inline constexpr SentimentScore unscored{Sentiment::neutral, 0.0, 0.0};

// `stems[i]` is the stem of tokens[i] for words and hashtags (see stem_tokens), empty otherwise.
SentimentScore score_sentiment(const std::vector<Token>& tokens, const std::vector<std::string>& stems,
                               const Lexicon& lexicon);

}  // namespace vka::analysis
