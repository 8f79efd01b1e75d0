#pragma once
// Russian and English stopwords (src/analysis/data/stopwords_*.txt): words too common to
// be keywords or search terms.
#include <string_view>

namespace vka::analysis {

// `word` as normalized by the tokenizer (lowercase, ё → е).
bool is_stopword(std::string_view word);

}  // namespace vka::analysis
