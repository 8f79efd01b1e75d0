#pragma once
// The small part of Unicode the tokenizer needs: UTF-8 decoding that never fails,
// character classes for Latin, Cyrillic and emoji, and lowercasing with ё folded to е.
#include <cstddef>
#include <string>
#include <string_view>

namespace vka::analysis::unicode {

inline constexpr char32_t replacement = 0xFFFD;

// Decodes the code point at `pos` and advances `pos` past it. Malformed, overlong,
// surrogate and truncated sequences yield `replacement` and advance by one byte.
char32_t decode_next(std::string_view text, std::size_t& pos);
void append_utf8(std::string& out, char32_t cp);
// Number of code points (malformed bytes count one each).
std::size_t length(std::string_view text);
std::u32string to_code_points(std::string_view text);

bool is_ascii_letter(char32_t cp);
bool is_digit(char32_t cp);
bool is_latin_letter(char32_t cp);     // ASCII and Latin-1/Extended-A letters
bool is_cyrillic_letter(char32_t cp);  // U+0400..U+04FF letters
bool is_russian_letter(char32_t cp);   // а-я, ё (either case)
bool is_other_letter(char32_t cp);     // letters of other scripts (Greek, Arabic, CJK, …)
bool is_letter(char32_t cp);
bool is_combining_mark(char32_t cp);
bool is_whitespace(char32_t cp);

bool is_emoji_base(char32_t cp);
bool is_regional_indicator(char32_t cp);
bool is_skin_tone(char32_t cp);
bool is_variation_selector(char32_t cp);
bool is_emoji_tag(char32_t cp);
inline constexpr char32_t zero_width_joiner = 0x200D;
inline constexpr char32_t combining_keycap = 0x20E3;

// Lowercase for Latin, Latin-1, Latin Extended-A, Greek and Cyrillic; ё and Ё become е.
char32_t to_lower(char32_t cp);

}  // namespace vka::analysis::unicode
