#include "analysis/language.hpp"

#include <algorithm>
#include <array>

#include "analysis/unicode.hpp"

namespace vka::analysis {

namespace {

constexpr std::array all_languages{Language::ru, Language::uk,    Language::be,
                                   Language::en, Language::mixed, Language::other};

// Frequent words spelled with Russian letters only, which Russian does not have.
constexpr std::array<std::string_view, 16> ukrainian_words{"що",    "це",    "дякую", "дуже",  "якщо",  "тільки",
                                                           "щось",  "чому",  "треба", "добре", "гарно", "або",
                                                           "також", "зараз", "який",  "яка"};
constexpr std::array<std::string_view, 10> belarusian_words{"яны",     "гэта",  "дзякуй", "вельмі", "калі",
                                                            "таксама", "цяпер", "есць",   "няма",   "трэба"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

struct LetterCounts {
  std::size_t letters = 0;
  std::size_t cyrillic = 0;
  std::size_t latin = 0;
  std::size_t ukrainian_only = 0;      // ї є ґ
  std::size_t belarusian_only = 0;     // ў
  std::size_t dotted_i = 0;            // і: Ukrainian and Belarusian
  std::size_t russian_belarusian = 0;  // ы э: Russian and Belarusian, not Ukrainian
  std::size_t ukrainian_word_hits = 0;
  std::size_t belarusian_word_hits = 0;

  void add_word(std::string_view word) {
    ukrainian_word_hits += contains(ukrainian_words, word) ? 1 : 0;
    belarusian_word_hits += contains(belarusian_words, word) ? 1 : 0;
    for (std::size_t pos = 0; pos < word.size();) {
      const char32_t cp = unicode::decode_next(word, pos);
      if (!unicode::is_letter(cp)) continue;
      ++letters;
      if (unicode::is_cyrillic_letter(cp)) {
        ++cyrillic;
        if (cp == U'ї' || cp == U'є' || cp == U'ґ') ++ukrainian_only;
        if (cp == U'ў') ++belarusian_only;
        if (cp == U'і') ++dotted_i;
        if (cp == U'ы' || cp == U'э') ++russian_belarusian;
      } else if (unicode::is_ascii_letter(cp)) {
        ++latin;
      }
    }
  }

  Language cyrillic_language() const {
    if (belarusian_only > 0 || belarusian_word_hits > ukrainian_word_hits) return Language::be;
    if (ukrainian_only > 0 || ukrainian_word_hits > 0) return Language::uk;
    if (dotted_i > 0) return russian_belarusian > 0 ? Language::be : Language::uk;
    return Language::ru;
  }
};

}  // namespace

std::string_view to_string(Language language) {
  switch (language) {
    case Language::ru: return "ru";
    case Language::uk: return "uk";
    case Language::be: return "be";
    case Language::en: return "en";
    case Language::mixed: return "mixed";
    case Language::other: return "other";
  }
  return "other";
}

std::optional<Language> parse_language(std::string_view text) {
  for (Language language : all_languages)
    if (to_string(language) == text) return language;
  return std::nullopt;
}

bool sentiment_supported(Language language) { return language != Language::uk && language != Language::be; }

Language detect_language(const std::vector<Token>& tokens) {
  LetterCounts counts;
  for (const Token& token : tokens)
    if (token.kind == TokenKind::word || token.kind == TokenKind::hashtag) counts.add_word(token.text);
  if (counts.letters == 0) return Language::other;
  if (3 * counts.cyrillic >= counts.letters && 3 * counts.latin >= counts.letters) return Language::mixed;
  if (2 * counts.cyrillic >= counts.letters) return counts.cyrillic_language();
  if (2 * counts.latin >= counts.letters) return Language::en;
  return Language::other;
}

}  // namespace vka::analysis
