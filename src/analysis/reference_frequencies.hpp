#pragma once
// General-language frequencies of word stems (src/analysis/data/reference_{ru,en}.txt, built by
// scripts/build-reference-frequencies from Debian's fortunes-ru and fortunes): the background
// keyword keyness is measured against. Source, licence and limits: docs/analysis.md.
#include <cstdint>
#include <string_view>
#include <unordered_map>

namespace vka::analysis {

class ReferenceFrequencies {
 public:
  // The built-in lists, stemmed once on first use; shared and immutable afterwards.
  static const ReferenceFrequencies& builtin();

  // Reads lists in the built-in format ("# tokens: N" then `word<TAB>count` lines); words are
  // normalized and stemmed like text, forms of one stem add up.
  void add_list(std::string_view text);

  // Occurrences of a stem in the reference corpus of its script (0 if unseen).
  std::int64_t count(std::string_view stem) const;
  // Content-word tokens (see is_content_word) of the corpus whose script `stem` is written in.
  std::int64_t content_tokens(std::string_view stem) const;

 private:
  // By the stem's 64-bit hash: ~35 000 stems make a collision about one chance in 10^10, and
  // lookups compare no strings (this runs for every keyword candidate of every comment).
  std::unordered_map<std::uint64_t, std::int64_t> counts_;
  std::int64_t cyrillic_content_tokens_ = 0;
  std::int64_t latin_content_tokens_ = 0;
};

// Smoothed log ratio (base 2) of a term's rate in a text or corpus, `count` of `tokens`, to
// its rate in the reference, `reference_count` of `reference_tokens`, each count + 0.5.
double log_ratio(double count, double tokens, double reference_count, double reference_tokens);

}  // namespace vka::analysis
