// Arbitrary bytes through the whole analyzer: tokenizer, stemmers, sentiment, keywords.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "analysis/analyzer.hpp"
#include "analysis/keywords.hpp"
#include "analysis/tokenizer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const vka::analysis::Analyzer analyzer(
      std::make_shared<vka::analysis::Lexicon>(vka::analysis::Lexicon::load_builtin()));
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  for (const auto& token : vka::analysis::tokenize(text)) {
    // Every token views a non-empty part of the input.
    if (token.raw.empty() || token.raw.data() < text.data() || token.raw.data() + token.raw.size() > text.data() + size)
      std::abort();
  }
  const auto result = analyzer.analyze(text);
  if (!(result.sentiment_score >= -1.0 && result.sentiment_score <= 1.0)) std::abort();
  if (result.keywords.size() > vka::analysis::keywords_per_text) std::abort();
  analyzer.search_terms(text);
  return 0;
}
