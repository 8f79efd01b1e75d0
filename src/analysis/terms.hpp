#pragma once
// From tokens to terms: the stems used for search, keywords and lexicon lookups.
#include <string>
#include <vector>

#include "analysis/stopwords.hpp"
#include "analysis/token.hpp"

namespace vka::analysis {

// Per token: the stem of a word or hashtag, an empty string for every other kind.
std::vector<std::string> stem_tokens(const std::vector<Token>& tokens);

// Per token: the normalized form of a word or hashtag (for languages without a stemmer).
std::vector<std::string> word_forms(const std::vector<Token>& tokens);

// A word or hashtag that can name a topic: not a stopword (built-in or in `user`), at least
// 3 letters, not laughter.
bool is_content_word(const Token& token, const StopwordList& user = no_stopwords());
// Per token: is_content_word.
std::vector<bool> content_words(const std::vector<Token>& tokens, const StopwordList& user = no_stopwords());

// Search terms in text order (repeats kept): stems of words and hashtags that are not
// stopwords and longer than one letter, and numbers as written.
std::vector<std::string> search_terms(const std::vector<Token>& tokens, const std::vector<std::string>& stems);

}  // namespace vka::analysis
