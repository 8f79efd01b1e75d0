#include "analysis/tokenizer.hpp"

#include <algorithm>
#include <array>

#include "analysis/unicode.hpp"

namespace vka::analysis {

std::string_view to_string(TokenKind kind) {
  switch (kind) {
    case TokenKind::word: return "word";
    case TokenKind::number: return "number";
    case TokenKind::url: return "url";
    case TokenKind::mention: return "mention";
    case TokenKind::hashtag: return "hashtag";
    case TokenKind::emoji: return "emoji";
    case TokenKind::emoticon: return "emoticon";
    case TokenKind::punctuation: return "punctuation";
  }
  return "word";
}

namespace {

using namespace unicode;

constexpr std::array<std::string_view, 24> top_level_domains{"com",  "ru", "net", "org", "me", "cc", "io", "su",
                                                             "info", "be", "ly",  "gl",  "to", "tv", "gg", "ua",
                                                             "by",   "kz", "app", "dev", "co", "uk", "de", "us"};

bool is_sentence_punctuation(char32_t cp) {
  return cp == '.' || cp == ',' || cp == '!' || cp == '?' || cp == ';' || cp == ':' || cp == 0x2026;
}

bool is_word_joiner(char32_t cp) { return cp == '-' || cp == '\'' || cp == 0x2019 || cp == 0x02BC; }

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 0x20) : c; }

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (ascii_lower(text[i]) != prefix[i]) return false;
  return true;
}

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view text) : text_(text) {}

  std::vector<Token> run() {
    while (pos_ < text_.size()) {
      const char32_t cp = peek(pos_);
      if (read_mention(cp) || read_url(cp) || read_emoticon(cp) || read_emoji(cp) || read_hashtag(cp) ||
          read_word(cp) || read_number(cp) || read_punctuation(cp))
        continue;
      advance(pos_);  // whitespace, malformed bytes and symbols we do not type
    }
    return std::move(tokens_);
  }

 private:
  char32_t peek(std::size_t at) const {
    if (at >= text_.size()) return 0;
    return decode_next(text_, at);
  }
  std::size_t after(std::size_t at) const {
    decode_next(text_, at);
    return at;
  }
  void advance(std::size_t& at) const { decode_next(text_, at); }
  char32_t previous_char() const {
    if (pos_ == 0) return 0;
    std::size_t start = pos_ - 1;
    while (start > 0 && (static_cast<unsigned char>(text_[start]) & 0xC0) == 0x80 && pos_ - start < 4) --start;
    return peek(start);
  }
  bool ends_token(std::size_t at) const {
    const char32_t cp = peek(at);
    return !is_letter(cp) && !is_digit(cp);
  }
  void emit(TokenKind kind, std::string text, std::size_t end) {
    tokens_.push_back(Token{kind, std::move(text), text_.substr(pos_, end - pos_)});
    pos_ = end;
  }

  // [id1|Name], [club1|Name], [public1|Name], [event1|Name]; and @screen_name.
  bool read_mention(char32_t cp) {
    if (cp == '[') return read_bracket_mention();
    if (cp != '@' || is_letter(previous_char()) || is_digit(previous_char())) return false;
    std::size_t end = pos_ + 1;
    bool has_letter = false;
    while (end < text_.size()) {
      const char c = text_[end];
      if (is_ascii_letter(static_cast<unsigned char>(c))) has_letter = true;
      if (!(is_ascii_letter(static_cast<unsigned char>(c)) || is_digit(static_cast<unsigned char>(c)) || c == '_' ||
            c == '.'))
        break;
      ++end;
    }
    while (end > pos_ + 1 && text_[end - 1] == '.') --end;
    if (!has_letter) return false;
    std::string name;
    for (char c : text_.substr(pos_ + 1, end - pos_ - 1)) name.push_back(ascii_lower(c));
    emit(TokenKind::mention, std::move(name), end);
    return true;
  }

  bool read_bracket_mention() {
    constexpr std::size_t max_length = 256;
    const std::string_view rest = text_.substr(pos_ + 1, max_length);
    std::size_t kind_length = 0;
    for (std::string_view kind : {"id", "club", "public", "event"})
      if (rest.starts_with(kind)) kind_length = kind.size();
    if (kind_length == 0) return false;
    std::size_t digits_end = kind_length;
    while (digits_end < rest.size() && is_digit(static_cast<unsigned char>(rest[digits_end]))) ++digits_end;
    if (digits_end == kind_length) return false;
    const std::size_t bar = rest.find('|', digits_end);
    if (bar == std::string_view::npos) return false;
    if (rest.substr(digits_end, bar - digits_end).find_first_of("[]\n") != std::string_view::npos) return false;
    const std::size_t close = rest.find(']', bar);
    if (close == std::string_view::npos || rest.substr(bar, close - bar).find_first_of("[\n") != std::string_view::npos)
      return false;
    emit(TokenKind::mention, std::string(rest.substr(0, digits_end)), pos_ + 1 + close + 1);
    return true;
  }

  bool read_url(char32_t cp) {
    if (!is_ascii_letter(cp) || is_letter(previous_char()) || is_digit(previous_char())) return false;
    const std::string_view rest = text_.substr(pos_);
    std::size_t end = 0;
    if (starts_with_ignoring_case(rest, "http://") || starts_with_ignoring_case(rest, "https://") ||
        starts_with_ignoring_case(rest, "www.")) {
      const std::size_t space = rest.find_first_of(" \t\r\n");
      end = space == std::string_view::npos ? text_.size() : pos_ + space;
    } else {
      const std::size_t host_end = domain_end(rest);
      if (host_end == 0) return false;
      end = pos_ + host_end;
      if (end < text_.size() && text_[end] == '/') {
        const std::size_t space = text_.find_first_of(" \t\r\n", end);
        end = space == std::string_view::npos ? text_.size() : space;
      }
    }
    end = trim_url_tail(end);
    // Stop at malformed UTF-8 so the token's text stays valid.
    for (std::size_t at = pos_; at < end;) {
      const std::size_t here = at;
      if (decode_next(text_, at) == replacement) {
        end = here;
        break;
      }
    }
    emit(TokenKind::url, std::string(text_.substr(pos_, end - pos_)), end);
    return true;
  }

  // Length of a bare host name such as "vk.com" at the start of `rest`, or 0 if there is none.
  static std::size_t domain_end(std::string_view rest) {
    std::size_t end = 0;
    while (end < rest.size() &&
           (is_ascii_letter(static_cast<unsigned char>(rest[end])) || is_digit(static_cast<unsigned char>(rest[end])) ||
            rest[end] == '-' || rest[end] == '.'))
      ++end;
    while (end > 0 && rest[end - 1] == '.') --end;
    const std::string_view host = rest.substr(0, end);
    const std::size_t dot = host.rfind('.');
    if (dot == std::string_view::npos || dot == 0) return 0;
    std::string tld;
    for (char c : host.substr(dot + 1)) tld.push_back(ascii_lower(c));
    if (std::find(top_level_domains.begin(), top_level_domains.end(), tld) == top_level_domains.end()) return 0;
    if (end < rest.size()) {
      std::size_t at = end;
      const char32_t next = decode_next(rest, at);
      if (is_letter(next) || is_digit(next)) return 0;
    }
    return end;
  }

  std::size_t trim_url_tail(std::size_t end) const {
    const std::string_view url = text_.substr(pos_, end - pos_);
    const bool has_open_paren = url.find('(') != std::string_view::npos;
    while (end > pos_) {
      const char c = text_[end - 1];
      if (std::string_view(".,!?;:\"'»]").find(c) != std::string_view::npos || (c == ')' && !has_open_paren))
        --end;
      else
        break;
    }
    return end;
  }

  bool read_emoticon(char32_t cp) {
    if (cp == '(' || cp == ')') return read_parentheses(cp);
    const std::string_view rest = text_.substr(pos_);
    if (rest.starts_with("<3") && !(rest.size() > 2 && is_digit(static_cast<unsigned char>(rest[2])))) {
      emit(TokenKind::emoticon, "<3", pos_ + 2);
      return true;
    }
    if (rest.starts_with("^_^") || rest.starts_with("^^")) {
      emit(TokenKind::emoticon, "^_^", pos_ + (rest[1] == '_' ? 3 : 2));
      return true;
    }
    if (cp != ':' && cp != ';' && cp != '=') return false;
    return read_face(static_cast<char>(cp));
  }

  // Eyes, an optional nose, a mouth; the mouth may repeat: ":-)))", ";D", ":'(", "=(".
  bool read_face(char eyes) {
    std::size_t at = pos_ + 1;
    char32_t nose = peek(at);
    if (nose == '-' || nose == '\'') {
      advance(at);
    } else {
      nose = 0;
    }
    const char32_t mouth = peek(at);
    std::string face;
    bool repeats = false;
    bool needs_boundary = false;
    if (mouth == ')' || mouth == ']') {
      face = eyes == ';' ? ";)" : ":)", repeats = true;
    } else if (mouth == '(' || mouth == '[') {
      if (eyes == ';') return false;
      face = nose == '\'' ? ":'(" : ":(", repeats = true;
    } else if (mouth == 'D') {
      face = ":D", needs_boundary = true;
    } else if (eyes == '=') {
      return false;
    } else if (mouth == 'P' || mouth == 'p' || mouth == 0x420 || mouth == 0x440) {
      face = ":P", needs_boundary = true;
    } else if (mouth == '*') {
      face = ":*";
    } else if (eyes == ':' && (mouth == 'O' || mouth == 'o' || mouth == 0x41E || mouth == 0x43E)) {
      face = ":O", needs_boundary = true;
    } else if (eyes == ':' && (mouth == '/' || mouth == '\\')) {
      if (!is_whitespace(peek(after(at))) && after(at) < text_.size()) return false;
      face = ":/";
    } else if (eyes == ':' && mouth == '|') {
      face = ":|";
    } else if (eyes == ':' && mouth == '3') {
      face = ":3", needs_boundary = true;
    } else {
      return false;
    }
    if (nose == '\'' && face != ":'(") return false;
    advance(at);
    if (needs_boundary && !ends_token(at)) return false;
    while (repeats && peek(at) == mouth) advance(at);
    emit(TokenKind::emoticon, std::move(face), at);
    return true;
  }

  // VK's bare-bracket smileys: ")))" and "(((" — told apart from ordinary parentheses by nesting.
  bool read_parentheses(char32_t cp) {
    std::size_t end = pos_;
    std::size_t run = 0;
    while (peek(end) == cp) ++end, ++run;
    if (cp == '(') {
      const char32_t next = peek(end);
      const bool opens = run == 1 && end < text_.size() && !is_whitespace(next) && !is_sentence_punctuation(next);
      if (opens) {
        ++paren_depth_;
        pos_ = end;
        return true;
      }
      emit(TokenKind::emoticon, ":(", end);
      return true;
    }
    const std::size_t closed = std::min(paren_depth_, run);
    paren_depth_ -= closed;
    const bool list_marker = run == 1 && !tokens_.empty() && tokens_.back().kind == TokenKind::number &&
                             tokens_.back().raw.data() + tokens_.back().raw.size() == text_.data() + pos_;
    if (closed == run || list_marker) {
      pos_ = end;
      return true;
    }
    emit(TokenKind::emoticon, ":)", end);
    return true;
  }

  // One emoji sequence: flags, keycaps, modifiers, ZWJ joins, tag sequences.
  bool read_emoji(char32_t cp) {
    std::size_t at = pos_;
    std::string text;
    if (cp == '#' || cp == '*' || is_digit(cp)) {
      std::size_t next = at + 1;
      if (is_variation_selector(peek(next))) advance(next);
      if (peek(next) != combining_keycap) return false;
      append_utf8(text, cp);
      append_utf8(text, combining_keycap);
      emit(TokenKind::emoji, std::move(text), after(next));
      return true;
    }
    if (!is_emoji_base(cp)) return false;
    while (true) {
      read_emoji_element(at, text);
      std::size_t next = at;
      if (peek(next) != zero_width_joiner) break;
      advance(next);
      if (!is_emoji_base(peek(next))) break;
      append_utf8(text, zero_width_joiner);
      at = next;
    }
    emit(TokenKind::emoji, std::move(text), at);
    return true;
  }

  void read_emoji_element(std::size_t& at, std::string& text) const {
    const char32_t base = decode_next(text_, at);
    append_utf8(text, base);
    if (is_regional_indicator(base)) {
      if (is_regional_indicator(peek(at))) append_utf8(text, decode_next(text_, at));
      return;
    }
    while (at < text_.size()) {
      const char32_t cp = peek(at);
      if (is_variation_selector(cp) || is_skin_tone(cp)) {
        advance(at);
      } else if (cp == combining_keycap || is_emoji_tag(cp)) {
        append_utf8(text, cp);
        advance(at);
      } else {
        break;
      }
    }
  }

  bool read_hashtag(char32_t cp) {
    if (cp != '#') return false;
    std::size_t at = pos_ + 1;
    std::string body;
    bool has_letter = false;
    while (at < text_.size()) {
      std::size_t next = at;
      const char32_t c = decode_next(text_, next);
      if (!is_letter(c) && !is_digit(c) && c != '_') break;
      has_letter = has_letter || is_letter(c);
      append_utf8(body, to_lower(c));
      at = next;
    }
    if (!has_letter) return false;
    emit(TokenKind::hashtag, std::move(body), at);
    return true;
  }

  bool read_word(char32_t cp) {
    if (!is_letter(cp)) return false;
    std::size_t at = pos_;
    std::string word;
    char32_t last = 0;
    while (at < text_.size()) {
      std::size_t next = at;
      const char32_t c = decode_next(text_, next);
      if (is_letter(c) || is_digit(c)) {
        last = to_lower(c);
        append_utf8(word, last);
      } else if (is_combining_mark(c)) {
        if (c == 0x306 && last == 0x438) {  // и + combining breve is й
          word.resize(word.size() - 2);
          last = 0x439;
          append_utf8(word, last);
        }
      } else if ((is_word_joiner(c) || c == 0xAD) && is_letter(peek(next))) {
        if (c != 0xAD) word.push_back(c == '-' ? '-' : '\'');
      } else if (c == '*' && masks_letters(at)) {
        while (peek(at) == '*') word.push_back('*'), ++at;
        continue;
      } else {
        break;
      }
      at = next;
    }
    const bool laughing_x = word.size() >= 2 && word[0] == 'x' && word.find_first_not_of('d', 1) == std::string::npos;
    emit(laughing_x ? TokenKind::emoticon : TokenKind::word, laughing_x ? ":D" : std::move(word), at);
    return true;
  }

  // A run of '*' inside a word hides letters of a swear word: "х**ня", "f*ck".
  bool masks_letters(std::size_t at) const {
    while (peek(at) == '*') ++at;
    return is_letter(peek(at));
  }

  bool read_number(char32_t cp) {
    if (!is_digit(cp)) return false;
    std::size_t at = pos_;
    while (at < text_.size()) {
      const char c = text_[at];
      if (is_digit(static_cast<unsigned char>(c))) {
        ++at;
      } else if ((c == '.' || c == ',' || c == ':') && at + 1 < text_.size() &&
                 is_digit(static_cast<unsigned char>(text_[at + 1]))) {
        ++at;
      } else {
        break;
      }
    }
    emit(TokenKind::number, std::string(text_.substr(pos_, at - pos_)), at);
    return true;
  }

  bool read_punctuation(char32_t cp) {
    if (!is_sentence_punctuation(cp)) return false;
    std::size_t at = pos_;
    while (at < text_.size() && is_sentence_punctuation(peek(at))) advance(at);
    emit(TokenKind::punctuation, std::string(text_.substr(pos_, at - pos_)), at);
    return true;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t paren_depth_ = 0;
  std::vector<Token> tokens_;
};

}  // namespace

std::vector<Token> tokenize(std::string_view text) { return Tokenizer(text).run(); }

}  // namespace vka::analysis
