#include "analysis/lexicon.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "analysis/builtin_data.hpp"
#include "analysis/stemmer.hpp"
#include "analysis/text_lines.hpp"
#include "analysis/tokenizer.hpp"
#include "analysis/unicode.hpp"

namespace vka::analysis {

namespace {

constexpr double max_valence = 4.0;
constexpr double max_multiplier = 4.0;
constexpr std::size_t max_phrase_words = 3;
constexpr std::size_t min_prefix_letters = 3;
constexpr std::uintmax_t max_file_bytes = 16u << 20;

enum class Section { none, words, rhetorical, intensifiers, diminishers, negators, contrast, emoji, emoticons };

std::optional<Section> parse_section(std::string_view name) {
  if (name == "words") return Section::words;
  if (name == "rhetorical") return Section::rhetorical;
  if (name == "intensifiers") return Section::intensifiers;
  if (name == "diminishers") return Section::diminishers;
  if (name == "negators") return Section::negators;
  if (name == "contrast") return Section::contrast;
  if (name == "emoji") return Section::emoji;
  if (name == "emoticons") return Section::emoticons;
  return std::nullopt;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool is_valid_utf8(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    if (unicode::decode_next(text, pos) == unicode::replacement && text.substr(start, pos - start) != "\xEF\xBF\xBD")
      return false;
  }
  return true;
}

// Builds messages by appending: GCC 12 at -O3 reports false -Wrestrict errors for
// chains of `"literal" + std::string` (GCC bug 105329).
std::string concat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view part : parts) out.append(part);
  return out;
}

// Whether a masked word ("х**ня") can spell `letters` ("хуйня"), or begin with them when
// `prefix`: letters match themselves, a run of k '*' matches k - 1 to k + 1 letters (at least one).
bool matches_mask(std::u32string_view pattern, std::u32string_view letters, bool prefix) {
  if (pattern.empty()) return letters.empty();
  if (letters.empty()) return prefix;
  if (pattern.front() != U'*')
    return pattern.front() == letters.front() && matches_mask(pattern.substr(1), letters.substr(1), prefix);
  const std::size_t run = std::min(pattern.find_first_not_of(U'*'), pattern.size());
  for (std::size_t take = std::max<std::size_t>(run, 2) - 1; take <= run + 1 && take <= letters.size(); ++take)
    if (matches_mask(pattern.substr(run), letters.substr(take), prefix)) return true;
  return false;
}

std::string format_number(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

}  // namespace

// Parses one lexicon text into staging maps, so that a bad line leaves the target untouched.
class LexiconParser {
 public:
  explicit LexiconParser(std::string_view source) : source_(source) {}

  std::optional<LexiconError> parse(std::string_view text) {
    std::optional<LexiconError> error;
    for_each_line(text, [&](std::size_t number, std::string_view line) {
      if (!error) error = parse_line(number, line);
    });
    return error;
  }

  void apply_to(Lexicon& lexicon) const {
    for (const auto& [key, entry] : staged_.terms_) lexicon.terms_.insert_or_assign(key, entry);
    for (const auto& [key, entry] : staged_.exact_) lexicon.exact_.insert_or_assign(key, entry);
    for (const auto& [key, entry] : staged_.prefixes_) lexicon.prefixes_.insert_or_assign(key, entry);
    for (const auto& [key, entry] : staged_.forms_) lexicon.forms_.insert_or_assign(key, entry);
    lexicon.build_indexes();
    for (const auto& [key, value] : staged_.symbols_) lexicon.symbols_.insert_or_assign(key, value);
    lexicon.max_phrase_words_ = std::max(lexicon.max_phrase_words_, staged_.max_phrase_words_);
  }

 private:
  struct Seen {
    std::size_t line;
    TermRole role;
    double value;
  };

  LexiconError error(std::size_t line, std::string_view problem) const {
    return LexiconError{concat({source_, ":", std::to_string(line), ": ", problem})};
  }

  std::optional<LexiconError> parse_line(std::size_t number, std::string_view line) {
    if (!is_valid_utf8(line)) return error(number, "invalid UTF-8");
    if (line.empty() || line.front() == '#') return std::nullopt;
    if (line.front() == '[' && line.back() == ']' && line.size() > 2 && line.find('\t') == std::string_view::npos) {
      const std::string_view name = line.substr(1, line.size() - 2);
      const auto section = parse_section(name);
      if (!section)
        return error(number, concat({"unknown section [", name,
                                     "] (expected words, rhetorical, intensifiers, diminishers, negators, contrast, "
                                     "emoji or emoticons)"}));
      section_ = *section;
      return std::nullopt;
    }
    if (section_ == Section::none) return error(number, "entry before any [section] header");

    const std::size_t tab = line.rfind('\t');
    const std::string_view term = trim(line.substr(0, tab));
    const std::optional<std::string_view> value_text =
        tab == std::string_view::npos ? std::nullopt : std::optional(trim(line.substr(tab + 1)));

    if (section_ == Section::negators || section_ == Section::contrast) {
      if (value_text)
        return error(number, concat({"entries of this section take no value, found '", *value_text, "'"}));
      return add_words(number, term, section_ == Section::negators ? TermRole::negator : TermRole::contrast, 0.0);
    }
    if (!value_text) return error(number, "expected '<term><TAB><number>', found no tab");
    double value = 0;
    if (auto problem = parse_value(*value_text, value)) return error(number, *problem);
    switch (section_) {
      case Section::words: return add_words(number, term, TermRole::valence, value);
      case Section::rhetorical: return add_words(number, term, TermRole::rhetorical, value);
      case Section::intensifiers: return add_words(number, term, TermRole::intensifier, value);
      case Section::diminishers: return add_words(number, term, TermRole::diminisher, value);
      case Section::emoji: return add_symbol(number, term, TokenKind::emoji, value);
      case Section::emoticons: return add_symbol(number, term, TokenKind::emoticon, value);
      default: return std::nullopt;
    }
  }

  std::optional<std::string> parse_value(std::string_view text, double& value) const {
    std::string_view digits = text;
    if (digits.starts_with('+')) digits.remove_prefix(1);
    const auto [end, code] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (code != std::errc() || end != digits.data() + digits.size() || digits.empty())
      return concat({"'", text, "' is not a number"});
    const auto out_of_range = [&](std::string_view range) {
      return std::optional<std::string>(concat({"value ", text, " is outside ", range}));
    };
    switch (section_) {
      case Section::words:
      case Section::rhetorical:
      case Section::emoji:
      case Section::emoticons:
        if (value < -max_valence || value > max_valence) return out_of_range("[-4, 4]");
        break;
      case Section::intensifiers:
        if (value <= 1.0 || value > max_multiplier) return out_of_range("(1, 4] for an intensifier multiplier");
        break;
      case Section::diminishers:
        if (value <= 0.0 || value >= 1.0) return out_of_range("(0, 1) for a diminisher multiplier");
        break;
      default: break;
    }
    return std::nullopt;
  }

  std::optional<LexiconError> add_words(std::size_t number, std::string_view term, TermRole role, double value) {
    const TermEntry entry{role, value};
    if (term.starts_with('=')) return add_exact(number, term, entry);
    if (term.ends_with('*')) {
      if (role != TermRole::valence) return error(number, "prefix patterns ('…*') are allowed only in [words]");
      const std::string_view body = term.substr(0, term.size() - 1);
      const auto tokens = tokenize(body);
      if (tokens.size() != 1 || tokens[0].kind != TokenKind::word || tokens[0].raw.size() != body.size())
        return error(number, concat({"prefix pattern '", term, "' must be one word followed by '*'"}));
      if (unicode::length(tokens[0].text) < min_prefix_letters)
        return error(number, concat({"prefix pattern '", term, "' needs at least 3 letters before '*'"}));
      if (role == TermRole::valence) staged_.forms_.insert_or_assign(concat({tokens[0].text, "*"}), entry);
      return record(number, term, concat({"p:", tokens[0].text}), entry, staged_.prefixes_, tokens[0].text);
    }
    const auto tokens = tokenize(term);
    if (tokens.empty() || tokens.size() > max_phrase_words ||
        std::any_of(tokens.begin(), tokens.end(), [](const Token& t) { return t.kind != TokenKind::word; }))
      return error(number, concat({"'", term, "' is not a word or a phrase of up to 3 words"}));
    std::string key;
    for (const Token& token : tokens) {
      if (!key.empty()) key.push_back(' ');
      key += stem(token.text);
    }
    staged_.max_phrase_words_ = std::max(staged_.max_phrase_words_, tokens.size());
    if (tokens.size() == 1 && role == TermRole::valence) staged_.forms_.insert_or_assign(tokens[0].text, entry);
    return record(number, term, concat({"t:", key}), entry, staged_.terms_, key);
  }

  // "=верните": the one form, not its stem («вернусь» shares the stem `верн`).
  std::optional<LexiconError> add_exact(std::size_t number, std::string_view term, const TermEntry& entry) {
    const std::string_view body = term.substr(1);
    const auto tokens = tokenize(body);
    if (tokens.size() != 1 || tokens[0].kind != TokenKind::word || tokens[0].raw.size() != body.size())
      return error(number, concat({"exact form '", term, "' must be '=' followed by one word"}));
    return record(number, term, concat({"e:", tokens[0].text}), entry, staged_.exact_, tokens[0].text);
  }

  std::optional<LexiconError> add_symbol(std::size_t number, std::string_view term, TokenKind kind, double value) {
    const auto tokens = tokenize(term);
    if (tokens.size() != 1 || tokens[0].kind != kind || tokens[0].raw.size() != term.size())
      return error(number, concat({"'", term, "' is not a single ", to_string(kind)}));
    const std::string key = tokens[0].text;
    const std::optional<LexiconError> problem =
        check_repeat(number, term, concat({"s:", key}), TermEntry{TermRole::valence, value});
    if (!problem) staged_.symbols_.insert_or_assign(key, value);
    return problem;
  }

  std::optional<LexiconError> record(std::size_t number, std::string_view term, const std::string& seen_key,
                                     const TermEntry& entry, Lexicon::Map<TermEntry>& target, const std::string& key) {
    const std::optional<LexiconError> problem = check_repeat(number, term, seen_key, entry);
    if (!problem) target.insert_or_assign(key, entry);
    return problem;
  }

  // Several forms of one word share a stem; they may repeat only with the same meaning.
  std::optional<LexiconError> check_repeat(std::size_t number, std::string_view term, const std::string& seen_key,
                                           const TermEntry& entry) {
    const auto [it, inserted] = seen_.try_emplace(seen_key, Seen{number, entry.role, entry.value});
    if (inserted || (it->second.role == entry.role && it->second.value == entry.value)) return std::nullopt;
    const std::string line = std::to_string(it->second.line);
    const std::string previous_value =
        it->second.role == entry.role ? concat({" (value ", format_number(it->second.value), ")"}) : "";
    return error(number, concat({"'", term, "' normalizes to '", std::string_view(seen_key).substr(2),
                                 "', already given a different meaning on line ", line, previous_value}));
  }

  std::string_view source_;
  Section section_ = Section::none;
  Lexicon staged_;
  Lexicon::Map<Seen> seen_;
};

Lexicon Lexicon::load_builtin() {
  Lexicon lexicon;
  for (std::string_view name : {"lexicon_en.txt", "lexicon_ru.txt"})
    if (auto problem = lexicon.merge_text(builtin_file(name), name))
      throw std::logic_error(concat({"built-in lexicon is broken: ", problem->message}));
  return lexicon;
}

std::optional<LexiconError> Lexicon::merge_file(const std::filesystem::path& path) {
  const std::string source = path.string();
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return LexiconError{concat({source, ": cannot read: ", ec.message()})};
  if (size > max_file_bytes) return LexiconError{concat({source, ": file is larger than 16 MiB"})};
  std::ifstream in(path, std::ios::binary);
  std::string text(static_cast<std::size_t>(size), '\0');
  if (!in.read(text.data(), static_cast<std::streamsize>(text.size())))
    return LexiconError{concat({source, ": cannot read the file"})};
  return merge_text(text, source);
}

std::optional<LexiconError> Lexicon::merge_text(std::string_view text, std::string_view source) {
  LexiconParser parser(source);
  if (auto problem = parser.parse(text)) return problem;
  parser.apply_to(*this);
  return std::nullopt;
}

const TermEntry* Lexicon::find_term(std::string_view key) const {
  const auto it = terms_.find(key);
  return it == terms_.end() ? nullptr : &it->second;
}

const TermEntry* Lexicon::find_exact(std::string_view word) const {
  const auto it = exact_.find(word);
  return it == exact_.end() ? nullptr : &it->second;
}

void Lexicon::build_indexes() {
  mask_forms_.clear();
  prefix_heads_.clear();
  phrase_heads_.clear();
  for (const auto& [key, entry] : terms_)
    if (const std::size_t space = key.find(' '); space != std::string::npos)
      phrase_heads_.insert_or_assign(key.substr(0, space), true);
  for (const auto& [form, entry] : forms_) {
    const bool prefix = form.ends_with('*');
    std::u32string letters = unicode::to_code_points(std::string_view(form).substr(0, form.size() - (prefix ? 1 : 0)));
    std::size_t first_end = 0;
    unicode::decode_next(form, first_end);
    mask_forms_.push_back(MaskForm{form.substr(0, first_end), std::move(letters), prefix, entry});
  }
  for (const auto& [prefix, entry] : prefixes_) {
    std::size_t head_end = 0;
    for (std::size_t k = 0; k < min_prefix_letters; ++k) unicode::decode_next(prefix, head_end);
    prefix_heads_.insert_or_assign(prefix.substr(0, head_end), true);
  }
}

const TermEntry* Lexicon::find_masked(std::string_view word) const {
  const std::u32string pattern = unicode::to_code_points(word);
  std::size_t first_letter_end = 0;
  unicode::decode_next(word, first_letter_end);  // the tokenizer starts every word with a letter
  const std::string_view first_letter = word.substr(0, first_letter_end);
  const TermEntry* best = nullptr;
  std::size_t best_letters = 0;
  for (const MaskForm& form : mask_forms_) {
    if (form.first_letter != first_letter || form.letters.size() <= best_letters) continue;
    if (matches_mask(pattern, form.letters, form.prefix)) {
      best = &form.entry;
      best_letters = form.letters.size();
    }
  }
  return best;
}

const TermEntry* Lexicon::find_prefix(std::string_view word) const {
  // Try the longest prefix first, ending each candidate on a code point boundary.
  std::vector<std::size_t> ends;
  for (std::size_t pos = 0; pos < word.size();) {
    unicode::decode_next(word, pos);
    ends.push_back(pos);
    if (ends.size() == min_prefix_letters && !prefix_heads_.contains(word.substr(0, pos))) return nullptr;
  }
  for (std::size_t i = ends.size(); i >= min_prefix_letters; --i) {
    const auto it = prefixes_.find(word.substr(0, ends[i - 1]));
    if (it != prefixes_.end()) return &it->second;
  }
  return nullptr;
}

std::optional<double> Lexicon::find_symbol(std::string_view text) const {
  const auto it = symbols_.find(text);
  if (it == symbols_.end()) return std::nullopt;
  return it->second;
}

}  // namespace vka::analysis
