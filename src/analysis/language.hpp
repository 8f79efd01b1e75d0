#pragma once
// Language of a text from the share of Cyrillic and Latin letters in its words.
#include <optional>
#include <string_view>
#include <vector>

#include "analysis/token.hpp"

namespace vka::analysis {

enum class Language { ru, en, other };

std::string_view to_string(Language language);
std::optional<Language> parse_language(std::string_view text);

// ru: Russian letters are at least half of all letters and the text has no more than a
// trace of non-Russian Cyrillic (і, ї, є, ґ, ў, …); en: ASCII Latin letters are at least
// half; anything else, including texts without letters, is other.
Language detect_language(const std::vector<Token>& tokens);

}  // namespace vka::analysis
