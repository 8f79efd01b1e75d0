#pragma once
// Snowball stemming (libstemmer). Each thread owns its stemmers, so this is safe to call
// from any number of threads at once.
#include <string>
#include <string_view>

namespace vka::analysis {

// The stem of a word already normalized by the tokenizer (lowercase, ё → е): Russian
// Snowball for Cyrillic words, English for ASCII ones; words in other or mixed scripts
// are returned unchanged.
std::string stem(std::string_view word);

}  // namespace vka::analysis
