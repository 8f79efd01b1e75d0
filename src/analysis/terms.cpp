#include "analysis/terms.hpp"

#include <algorithm>

#include "analysis/stemmer.hpp"
#include "analysis/stopwords.hpp"
#include "analysis/unicode.hpp"

namespace vka::analysis {

namespace {

constexpr std::size_t min_keyword_letters = 3;

bool is_word_like(const Token& token) { return token.kind == TokenKind::word || token.kind == TokenKind::hashtag; }

// "ахахах", "хаха", "hahaha", "ahah": laughter marks a mood, not a topic.
bool is_laughter(std::string_view word) {
  std::vector<char32_t> letters;
  for (std::size_t pos = 0; pos < word.size();) letters.push_back(unicode::decode_next(word, pos));
  const auto only = [&](char32_t a, char32_t b) {
    return std::all_of(letters.begin(), letters.end(), [&](char32_t c) { return c == a || c == b; });
  };
  return letters.size() >= 3 && (only(0x430, 0x445) || only('a', 'h'));
}

}  // namespace

std::vector<std::string> stem_tokens(const std::vector<Token>& tokens) {
  std::vector<std::string> stems(tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i)
    if (is_word_like(tokens[i])) stems[i] = stem(tokens[i].text);
  return stems;
}

std::vector<std::string> word_forms(const std::vector<Token>& tokens) {
  std::vector<std::string> forms(tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i)
    if (is_word_like(tokens[i])) forms[i] = tokens[i].text;
  return forms;
}

bool is_content_word(const Token& token, const StopwordList& user) {
  return is_word_like(token) && unicode::length(token.text) >= min_keyword_letters && !is_stopword(token.text) &&
         !user.contains(token.text) && !is_laughter(token.text);
}

std::vector<bool> content_words(const std::vector<Token>& tokens, const StopwordList& user) {
  std::vector<bool> content(tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) content[i] = is_content_word(tokens[i], user);
  return content;
}

std::vector<std::string> search_terms(const std::vector<Token>& tokens, const std::vector<std::string>& stems) {
  std::vector<std::string> terms;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    if (token.kind == TokenKind::number) {
      terms.push_back(token.text);
    } else if (is_word_like(token) && unicode::length(token.text) > 1 && !is_stopword(token.text)) {
      terms.push_back(stems[i]);
    }
  }
  return terms;
}

}  // namespace vka::analysis
