#pragma once
// Stopwords: words too common to be keywords or search terms. Built-in Russian and English
// lists (src/analysis/data/stopwords_*.txt) and user lists (VKA_STOPWORD_FILES) that keep
// further words out of keywords and phrases.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace vka::analysis {

// `word` as normalized by the tokenizer (lowercase, ё → е): in the built-in lists.
bool is_stopword(std::string_view word);

class StopwordList {
 public:
  // One word form per line, '#' starts a comment line; forms are normalized like text.
  void merge_text(std::string_view text);
  // The same from a file; "<path>: <problem>" if it cannot be read (then nothing is merged).
  std::optional<std::string> merge_file(const std::filesystem::path& path);

  bool contains(std::string_view word) const { return !words_.empty() && words_.contains(word); }
  bool empty() const { return words_.empty(); }

 private:
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  std::unordered_set<std::string, StringHash, std::equal_to<>> words_;
};

// An empty list, for callers without user stopwords.
const StopwordList& no_stopwords();

}  // namespace vka::analysis
