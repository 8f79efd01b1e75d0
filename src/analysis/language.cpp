#include "analysis/language.hpp"

#include "analysis/unicode.hpp"

namespace vka::analysis {

std::string_view to_string(Language language) {
  switch (language) {
    case Language::ru: return "ru";
    case Language::en: return "en";
    case Language::other: return "other";
  }
  return "other";
}

std::optional<Language> parse_language(std::string_view text) {
  for (Language language : {Language::ru, Language::en, Language::other})
    if (to_string(language) == text) return language;
  return std::nullopt;
}

Language detect_language(const std::vector<Token>& tokens) {
  std::size_t russian = 0;
  std::size_t other_cyrillic = 0;
  std::size_t ascii = 0;
  std::size_t letters = 0;
  for (const Token& token : tokens) {
    if (token.kind != TokenKind::word && token.kind != TokenKind::hashtag) continue;
    for (std::size_t pos = 0; pos < token.text.size();) {
      const char32_t cp = unicode::decode_next(token.text, pos);
      if (!unicode::is_letter(cp)) continue;
      ++letters;
      if (unicode::is_russian_letter(cp)) {
        ++russian;
      } else if (unicode::is_cyrillic_letter(cp)) {
        ++other_cyrillic;
      } else if (unicode::is_ascii_letter(cp)) {
        ++ascii;
      }
    }
  }
  if (letters == 0) return Language::other;
  // Ukrainian or Belarusian text has a few letters Russian lacks in almost every sentence.
  const bool foreign_cyrillic = other_cyrillic >= 2 && other_cyrillic * 50 >= russian + other_cyrillic;
  if (2 * russian >= letters && !foreign_cyrillic) return Language::ru;
  if (2 * ascii >= letters) return Language::en;
  return Language::other;
}

}  // namespace vka::analysis
