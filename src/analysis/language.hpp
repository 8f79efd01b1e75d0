#pragma once
// Language of a text from its letters and a few function words: Russian, Ukrainian,
// Belarusian, English, mixed Cyrillic and Latin, or other.
#include <optional>
#include <string_view>
#include <vector>

#include "analysis/token.hpp"

namespace vka::analysis {

enum class Language { ru, uk, be, en, mixed, other };

std::string_view to_string(Language language);
std::optional<Language> parse_language(std::string_view text);

// Whether the built-in lexicon and stemmers read this language (Russian, English and the two
// mixed). Ukrainian and Belarusian are told apart so that Russian rules are never applied to them.
bool sentiment_supported(Language language);

// Letters of words and hashtags decide:
//   mixed: Cyrillic and Latin letters both make at least a third of the letters;
//   uk / be: Cyrillic text with a letter only that language has (uk: ї є ґ, be: ў), or і
//     (both use it, Russian does not) with be's ы/э or without them uk, or a function word
//     only that language has («дякую», «що»; «гэта», «дзякуй»);
//   ru: other Cyrillic text; en: Latin text; other: other scripts, or no letters at all.
Language detect_language(const std::vector<Token>& tokens);

}  // namespace vka::analysis
