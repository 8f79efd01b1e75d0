#pragma once
// The sentiment lexicon: valence of words, phrases, emoji and emoticons, plus the words
// that steer scoring (intensifiers, diminishers, negators, contrast). Built-in files
// (src/analysis/data/lexicon_*.txt) merged with optional user files; the format is in
// docs/analysis.md and at the top of the built-in files.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vka::analysis {

// rhetorical: a valence that counts only in a question («кто вообще это смотрит?»).
enum class TermRole { valence, intensifier, diminisher, negator, contrast, rhetorical };

struct TermEntry {
  TermRole role;
  double value;  // valence in [-4, 4]; multiplier for intensifiers (> 1) and diminishers (< 1); 0 otherwise
};

// "<source>:<line>: <problem>", or "<source>: <problem>" for the file as a whole.
struct LexiconError {
  std::string message;
};

class Lexicon {
 public:
  // The built-in Russian and English lexicons; throws std::logic_error if they do not parse.
  static Lexicon load_builtin();

  // Merges a lexicon file over this one: its entries replace entries for the same term (in any
  // section). On error nothing is merged.
  std::optional<LexiconError> merge_file(const std::filesystem::path& path);
  // The same for text in memory; `source` names it in error messages.
  std::optional<LexiconError> merge_text(std::string_view text, std::string_view source);

  // `key`: a stem, or the stems of a phrase joined by single spaces.
  const TermEntry* find_term(std::string_view key) const;
  // An entry written as an exact form ("=верните"), which matches that form only, not its stem.
  const TermEntry* find_exact(std::string_view word) const;
  // The longest prefix pattern ("ужас*") matching a normalized word form.
  const TermEntry* find_prefix(std::string_view word) const;
  // The valence entry a masked word ("х**ня", "f*ck") spells: each run of '*' stands for one
  // letter more or less than its length. Among several matches the longest form wins.
  const TermEntry* find_masked(std::string_view word) const;
  // Valence of an emoji or emoticon token's normalized text.
  std::optional<double> find_symbol(std::string_view text) const;
  std::size_t max_phrase_words() const { return max_phrase_words_; }
  // Whether some phrase of the lexicon starts with this stem (most words start none).
  bool starts_phrase(std::string_view stem) const { return phrase_heads_.contains(stem); }
  std::size_t size() const { return terms_.size() + prefixes_.size() + symbols_.size(); }

  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  template <typename Value>
  using Map = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

 private:
  friend class LexiconParser;

  Map<TermEntry> terms_;
  Map<TermEntry> exact_;
  Map<TermEntry> prefixes_;
  Map<bool> prefix_heads_;  // the first 3 letters of every prefix: most words need one lookup
  Map<bool> phrase_heads_;  // the first stem of every phrase
  Map<TermEntry> forms_;    // single-word valence entries as written ("ужас*" for a prefix)
  struct MaskForm {
    std::string first_letter;
    std::u32string letters;
    bool prefix;
    TermEntry entry;
  };
  std::vector<MaskForm> mask_forms_;  // forms_ decoded once per merge, for find_masked
  void build_indexes();               // prefix_heads_, phrase_heads_ and mask_forms_, after each merge
  Map<double> symbols_;
  std::size_t max_phrase_words_ = 1;
};

}  // namespace vka::analysis
