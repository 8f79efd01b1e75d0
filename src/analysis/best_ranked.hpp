#pragma once
// The n best of many scored texts (keywords, phrases): highest score first, then most documents, then the text.
// Candidates point at their text so that only the n kept are copied out.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace vka::analysis {

struct RankedText {
  const std::string* text;
  std::int64_t count;
  double score;
};

// Out is an aggregate of {text, count, score}: KeywordCount, PhraseCount.
template <class Out>
std::vector<Out> best_ranked(std::vector<RankedText>& candidates, std::size_t n) {
  const auto kept = candidates.begin() + static_cast<std::ptrdiff_t>(std::min(n, candidates.size()));
  std::partial_sort(candidates.begin(), kept, candidates.end(), [](const RankedText& a, const RankedText& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.count != b.count) return a.count > b.count;
    return *a.text < *b.text;
  });
  std::vector<Out> out;
  out.reserve(static_cast<std::size_t>(kept - candidates.begin()));
  for (auto it = candidates.begin(); it != kept; ++it) out.push_back(Out{*it->text, it->count, it->score});
  return out;
}

}  // namespace vka::analysis
