#include "domain/phrase_words.hpp"

#include <algorithm>

namespace vka::domain {

std::vector<std::string> phrase_words(const std::vector<std::string>& phrases) {
  std::vector<std::string> words;
  for (const std::string& phrase : phrases)
    for (std::size_t start = 0, end = 0; end != std::string::npos; start = end + 1) {
      end = phrase.find(' ', start);
      std::string word = phrase.substr(start, end - start);
      if (std::find(words.begin(), words.end(), word) == words.end()) words.push_back(std::move(word));
    }
  return words;
}

}  // namespace vka::domain
