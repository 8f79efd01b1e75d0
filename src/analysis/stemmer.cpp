#include "analysis/stemmer.hpp"

#include <libstemmer.h>

#include <stdexcept>

#include "analysis/unicode.hpp"

namespace vka::analysis {

namespace {

enum class Script { russian, english, other };

Script script_of(std::string_view word) {
  bool cyrillic = false;
  bool latin = false;
  for (std::size_t pos = 0; pos < word.size();) {
    const char32_t cp = unicode::decode_next(word, pos);
    if (unicode::is_russian_letter(cp)) {
      cyrillic = true;
    } else if (unicode::is_ascii_letter(cp)) {
      latin = true;
    } else if (unicode::is_letter(cp)) {
      return Script::other;
    }
  }
  if (cyrillic == latin) return Script::other;
  return cyrillic ? Script::russian : Script::english;
}

class Stemmer {
 public:
  explicit Stemmer(const char* algorithm) : stemmer_(sb_stemmer_new(algorithm, "UTF_8")) {
    if (stemmer_ == nullptr) throw std::runtime_error(std::string("libstemmer has no algorithm ") + algorithm);
  }
  ~Stemmer() { sb_stemmer_delete(stemmer_); }
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  std::string stem(std::string_view word) {
    const auto* out =
        sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    if (out == nullptr) return std::string(word);  // out of memory inside libstemmer
    return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
  }

 private:
  sb_stemmer* stemmer_;
};

}  // namespace

std::string stem(std::string_view word) {
  switch (script_of(word)) {
    case Script::russian: {
      thread_local Stemmer russian("russian");
      return russian.stem(word);
    }
    case Script::english: {
      thread_local Stemmer english("english");
      return english.stem(word);
    }
    case Script::other: break;
  }
  return std::string(word);
}

}  // namespace vka::analysis
