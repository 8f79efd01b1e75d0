#include "analysis/keywords.hpp"

#include <algorithm>
#include <map>

#include "analysis/terms.hpp"
#include "analysis/unicode.hpp"

namespace vka::analysis {

namespace {

struct Candidate {
  std::string stem;
  std::size_t count = 0;
  std::size_t first = 0;
  std::size_t letters = 0;
  std::vector<std::pair<std::string, std::size_t>> forms;  // in order of first appearance

  const std::string& best_form() const {
    return std::max_element(forms.begin(), forms.end(), [](const auto& a, const auto& b) {
             return a.second < b.second;  // max_element keeps the first of equals
           })->first;
  }
};

}  // namespace

std::vector<std::string> extract_keywords(const std::vector<Token>& tokens, const std::vector<std::string>& stems,
                                          std::size_t limit) {
  std::vector<Candidate> candidates;
  std::map<std::string, std::size_t, std::less<>> index;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!is_content_word(tokens[i])) continue;
    const auto [it, inserted] = index.try_emplace(stems[i], candidates.size());
    if (inserted) candidates.push_back(Candidate{stems[i], 0, i, unicode::length(tokens[i].text), {}});
    Candidate& candidate = candidates[it->second];
    ++candidate.count;
    auto form = std::find_if(candidate.forms.begin(), candidate.forms.end(),
                             [&](const auto& f) { return f.first == tokens[i].text; });
    if (form == candidate.forms.end()) {
      candidate.forms.emplace_back(tokens[i].text, 1);
    } else {
      ++form->second;
    }
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.count != b.count) return a.count > b.count;
    if (a.letters != b.letters) return a.letters > b.letters;
    return a.first < b.first;
  });
  std::vector<std::string> keywords;
  for (std::size_t k = 0; k < candidates.size() && k < limit; ++k) keywords.push_back(candidates[k].best_form());
  return keywords;
}

}  // namespace vka::analysis
