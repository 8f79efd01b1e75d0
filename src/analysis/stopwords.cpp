#include "analysis/stopwords.hpp"

#include <string>
#include <unordered_set>

#include "analysis/builtin_data.hpp"
#include "analysis/text_lines.hpp"
#include "analysis/tokenizer.hpp"

namespace vka::analysis {

namespace {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
using WordSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

// One word per line; '#' starts a comment line. Words are normalized like text is.
void add_list(WordSet& words, std::string_view file) {
  for_each_line(file, [&](std::size_t, std::string_view line) {
    if (line.empty() || line.front() == '#') return;
    for (Token& token : tokenize(line))
      if (token.kind == TokenKind::word) words.insert(std::move(token.text));
  });
}

const WordSet& stopwords() {
  static const WordSet words = [] {
    WordSet set;
    add_list(set, builtin_file("stopwords_ru.txt"));
    add_list(set, builtin_file("stopwords_en.txt"));
    return set;
  }();
  return words;
}

}  // namespace

bool is_stopword(std::string_view word) { return stopwords().contains(word); }

}  // namespace vka::analysis
