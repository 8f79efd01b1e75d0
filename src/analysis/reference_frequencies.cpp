#include "analysis/reference_frequencies.hpp"

#include <charconv>
#include <cmath>

#include "analysis/builtin_data.hpp"
#include "analysis/stemmer.hpp"
#include "analysis/terms.hpp"
#include "analysis/text_lines.hpp"
#include "analysis/tokenizer.hpp"
#include "analysis/unicode.hpp"

namespace vka::analysis {

namespace {

constexpr double smoothing = 0.5;

bool is_cyrillic(std::string_view word) {
  std::size_t pos = 0;
  return !word.empty() && unicode::is_cyrillic_letter(unicode::decode_next(word, pos));
}

}  // namespace

const ReferenceFrequencies& ReferenceFrequencies::builtin() {
  static const ReferenceFrequencies reference = [] {
    ReferenceFrequencies r;
    r.add_list(builtin_file("reference_ru.txt"));
    r.add_list(builtin_file("reference_en.txt"));
    return r;
  }();
  return reference;
}

void ReferenceFrequencies::add_list(std::string_view text) {
  std::int64_t listed_content = 0;
  std::int64_t listed_all = 0;
  std::int64_t total = 0;
  bool cyrillic = false;
  for_each_line(text, [&](std::size_t, std::string_view line) {
    if (line.starts_with("# tokens: ")) {
      const std::string_view digits = line.substr(10);
      std::from_chars(digits.data(), digits.data() + digits.size(), total);
    }
    const std::size_t tab = line.find('\t');
    if (line.empty() || line.front() == '#' || tab == std::string_view::npos) return;
    std::int64_t count = 0;
    const std::string_view digits = line.substr(tab + 1);
    if (std::from_chars(digits.data(), digits.data() + digits.size(), count).ec != std::errc()) return;
    const auto tokens = tokenize(line.substr(0, tab));
    if (tokens.size() != 1 || tokens[0].kind != TokenKind::word) return;
    cyrillic = is_cyrillic(tokens[0].text);
    counts_[std::hash<std::string_view>{}(stem(tokens[0].text))] += count;
    listed_all += count;
    if (is_content_word(tokens[0])) listed_content += count;
  });
  // Words seen once are not listed; they are content words almost always.
  const std::int64_t content = listed_content + std::max<std::int64_t>(total - listed_all, 0);
  (cyrillic ? cyrillic_content_tokens_ : latin_content_tokens_) += content;
}

std::int64_t ReferenceFrequencies::count(std::string_view stem) const {
  const auto it = counts_.find(std::hash<std::string_view>{}(stem));
  return it == counts_.end() ? 0 : it->second;
}

std::int64_t ReferenceFrequencies::content_tokens(std::string_view stem) const {
  return is_cyrillic(stem) ? cyrillic_content_tokens_ : latin_content_tokens_;
}

double log_ratio(double count, double tokens, double reference_count, double reference_tokens) {
  return std::log2(((count + smoothing) / tokens) / ((reference_count + smoothing) / reference_tokens));
}

}  // namespace vka::analysis
