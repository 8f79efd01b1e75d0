#pragma once
// A typed piece of VK comment text produced by the tokenizer.
#include <string>
#include <string_view>

namespace vka::analysis {

enum class TokenKind {
  word,      // letters (digits, inner hyphens, apostrophes and masking * allowed): "кто-то", "don't", "х**ня"
  number,    // "42", "3.5", "12:30"
  url,       // "https://vk.com/wall-1_2", "www.example.org", "vk.cc/abc"
  mention,   // "[id1|Павел]", "[club42|Котики]", "@durov"
  hashtag,   // "#котики"
  emoji,     // one emoji sequence: "👍🏻", "👨‍👩‍👧", "🇷🇺", "❤️"
  emoticon,  // ":)", ":-(", ")))", "(((", ":D", "xD", "<3"
  punctuation,  // a run of sentence punctuation: "!!!", "?!", ",", "…"
};

std::string_view to_string(TokenKind kind);

struct Token {
  TokenKind kind;
  // Normalized form:
  //   word, hashtag: lowercase, ё folded to е (hashtag without '#');
  //   mention: the target, "id1", "club42" or the @screen_name without '@';
  //   emoji: the sequence without skin tones and variation selectors;
  //   emoticon: the canonical face (")))" → ":)", "xD" → ":D", "(((" → ":(");
  //   number, url, punctuation: the text as written.
  std::string text;
  std::string_view raw;  // the exact bytes of the input this token came from
};

}  // namespace vka::analysis
