#pragma once
// UTF-8 tokenizer for Russian and English VK text. Never fails: malformed UTF-8 and
// unknown symbols are skipped as separators.
#include <string_view>
#include <vector>

#include "analysis/token.hpp"

namespace vka::analysis {

// Tokens in text order; each Token::raw views `text`, which must outlive them.
std::vector<Token> tokenize(std::string_view text);

}  // namespace vka::analysis
