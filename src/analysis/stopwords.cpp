#include "analysis/stopwords.hpp"

#include <fstream>
#include <sstream>

#include "analysis/builtin_data.hpp"
#include "analysis/text_lines.hpp"
#include "analysis/tokenizer.hpp"

namespace vka::analysis {

namespace {

constexpr std::uintmax_t max_file_bytes = 16u << 20;

const StopwordList& builtin_stopwords() {
  static const StopwordList words = [] {
    StopwordList list;
    list.merge_text(builtin_file("stopwords_ru.txt"));
    list.merge_text(builtin_file("stopwords_en.txt"));
    return list;
  }();
  return words;
}

}  // namespace

void StopwordList::merge_text(std::string_view text) {
  for_each_line(text, [&](std::size_t, std::string_view line) {
    if (line.empty() || line.front() == '#') return;
    for (Token& token : tokenize(line))
      if (token.kind == TokenKind::word) words_.insert(std::move(token.text));
  });
}

std::optional<std::string> StopwordList::merge_file(const std::filesystem::path& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return path.string() + ": cannot read: " + ec.message();
  if (size > max_file_bytes) return path.string() + ": file is larger than 16 MiB";
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) return path.string() + ": cannot read the file";
  merge_text(text.str());
  return std::nullopt;
}

const StopwordList& no_stopwords() {
  static const StopwordList empty;
  return empty;
}

bool is_stopword(std::string_view word) { return builtin_stopwords().contains(word); }

}  // namespace vka::analysis
