#include "domain/collected.hpp"

namespace vka::domain {

std::string_view to_string(Sentiment sentiment) {
  switch (sentiment) {
    case Sentiment::positive: return "positive";
    case Sentiment::negative: return "negative";
    case Sentiment::neutral: break;
  }
  return "neutral";
}

std::optional<Sentiment> parse_sentiment(std::string_view text) {
  for (Sentiment s : {Sentiment::positive, Sentiment::neutral, Sentiment::negative})
    if (to_string(s) == text) return s;
  return std::nullopt;
}

}  // namespace vka::domain
