#include "analysis/unicode.hpp"

namespace vka::analysis::unicode {

namespace {
bool in(char32_t cp, char32_t lo, char32_t hi) { return cp >= lo && cp <= hi; }
bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }
}  // namespace

char32_t decode_next(std::string_view text, std::size_t& pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  std::size_t extra = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((lead & 0xE0) == 0xC0) {
    extra = 1, cp = lead & 0x1F, min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    extra = 2, cp = lead & 0x0F, min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    extra = 3, cp = lead & 0x07, min = 0x10000;
  } else {
    ++pos;
    return replacement;
  }
  if (pos + extra >= text.size()) {  // truncated at the end of the text
    ++pos;
    return replacement;
  }
  for (std::size_t i = 1; i <= extra; ++i) {
    const auto byte = static_cast<unsigned char>(text[pos + i]);
    if (!is_continuation(byte)) {
      ++pos;
      return replacement;
    }
    cp = (cp << 6) | (byte & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || in(cp, 0xD800, 0xDFFF)) {
    ++pos;
    return replacement;
  }
  pos += extra + 1;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::size_t length(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t pos = 0; pos < text.size(); ++count) decode_next(text, pos);
  return count;
}

std::u32string to_code_points(std::string_view text) {
  std::u32string out;
  for (std::size_t pos = 0; pos < text.size();) out.push_back(decode_next(text, pos));
  return out;
}

bool is_ascii_letter(char32_t cp) { return in(cp, 'a', 'z') || in(cp, 'A', 'Z'); }
bool is_digit(char32_t cp) { return in(cp, '0', '9'); }

bool is_latin_letter(char32_t cp) { return is_ascii_letter(cp) || (in(cp, 0xC0, 0x24F) && cp != 0xD7 && cp != 0xF7); }

bool is_cyrillic_letter(char32_t cp) { return in(cp, 0x400, 0x481) || in(cp, 0x48A, 0x4FF); }

bool is_russian_letter(char32_t cp) { return in(cp, 0x410, 0x44F) || cp == 0x401 || cp == 0x451; }

bool is_other_letter(char32_t cp) {
  return in(cp, 0x370, 0x3FF)        // Greek
         || in(cp, 0x500, 0x52F)     // Cyrillic Supplement
         || in(cp, 0x531, 0x58F)     // Armenian
         || in(cp, 0x5D0, 0x5EA)     // Hebrew
         || in(cp, 0x620, 0x64A)     // Arabic
         || in(cp, 0x900, 0x97F)     // Devanagari
         || in(cp, 0xE00, 0xE7F)     // Thai
         || in(cp, 0x10A0, 0x10FF)   // Georgian
         || in(cp, 0x3040, 0x30FF)   // Hiragana, Katakana
         || in(cp, 0x4E00, 0x9FFF)   // CJK
         || in(cp, 0xAC00, 0xD7AF);  // Hangul
}

bool is_letter(char32_t cp) { return is_latin_letter(cp) || is_cyrillic_letter(cp) || is_other_letter(cp); }

bool is_combining_mark(char32_t cp) { return in(cp, 0x300, 0x36F); }

bool is_whitespace(char32_t cp) {
  return cp == ' ' || in(cp, 0x09, 0x0D) || cp == 0x85 || cp == 0xA0 || cp == 0x1680 || in(cp, 0x2000, 0x200A) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool is_emoji_base(char32_t cp) {
  return in(cp, 0x1F000, 0x1FAFF) || in(cp, 0x2600, 0x27BF) || in(cp, 0x2300, 0x23FF) || in(cp, 0x2B00, 0x2BFF) ||
         cp == 0x203C || cp == 0x2049 || cp == 0x3030 || cp == 0x303D || cp == 0x3297 || cp == 0x3299;
}

bool is_regional_indicator(char32_t cp) { return in(cp, 0x1F1E6, 0x1F1FF); }
bool is_skin_tone(char32_t cp) { return in(cp, 0x1F3FB, 0x1F3FF); }
bool is_variation_selector(char32_t cp) { return cp == 0xFE0E || cp == 0xFE0F; }
bool is_emoji_tag(char32_t cp) { return in(cp, 0xE0020, 0xE007F); }

char32_t to_lower(char32_t cp) {
  if (in(cp, 'A', 'Z')) return cp + 0x20;
  if (cp < 0x80) return cp;
  if (in(cp, 0xC0, 0xDE) && cp != 0xD7) return cp + 0x20;
  if (in(cp, 0x100, 0x17F)) {
    // Latin Extended-A alternates upper/lower, with a parity shift in U+0139..U+0148 and U+0179..U+017E.
    const bool odd_upper = in(cp, 0x139, 0x148) || in(cp, 0x179, 0x17E);
    const bool is_upper = odd_upper ? (cp % 2 == 1) : (cp % 2 == 0);
    return is_upper && cp != 0x138 && cp != 0x149 && cp != 0x17F ? cp + 1 : cp;
  }
  if (in(cp, 0x391, 0x3A9) && cp != 0x3A2) return cp + 0x20;
  if (cp == 0x401 || cp == 0x451) return 0x435;  // Ё, ё → е
  if (in(cp, 0x400, 0x40F)) return cp + 0x50;
  if (in(cp, 0x410, 0x42F)) return cp + 0x20;
  if (in(cp, 0x460, 0x481) || in(cp, 0x48A, 0x4BF)) return cp % 2 == 0 ? cp + 1 : cp;
  return cp;
}

}  // namespace vka::analysis::unicode
