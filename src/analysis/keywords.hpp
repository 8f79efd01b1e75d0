#pragma once
// Keywords of one text.
#include <cstddef>
#include <string>
#include <vector>

#include "analysis/token.hpp"

namespace vka::analysis {

inline constexpr std::size_t keywords_per_text = 5;

// The text's content words (see is_content_word) grouped by stem, most frequent first, then
// longer words first (longer words tend to name the topic), then by first appearance. Each
// is shown in the form that occurs most often in the text (the first one on a tie).
std::vector<std::string> extract_keywords(const std::vector<Token>& tokens, const std::vector<std::string>& stems,
                                          std::size_t limit = keywords_per_text);

}  // namespace vka::analysis
