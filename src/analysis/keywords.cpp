#include "analysis/keywords.hpp"

#include <algorithm>
#include <map>

#include "analysis/reference_frequencies.hpp"
#include "analysis/terms.hpp"
#include "analysis/unicode.hpp"

namespace vka::analysis {

namespace {

// Words more common than this in general language (per content token of the reference: «сколько»,
// «можно», «время») name no topic, however often a text repeats them.
constexpr double max_reference_rate = 1.0 / 1000;

struct Candidate {
  std::string stem;
  std::size_t count = 0;
  std::size_t first = 0;
  std::size_t letters = 0;
  double keyness = 0;
  std::vector<std::pair<std::string, std::size_t>> forms;  // in order of first appearance

  const std::string& best_form() const {
    return std::max_element(forms.begin(), forms.end(),
                            [](const auto& a, const auto& b) {
                              return a.second < b.second;  // max_element keeps the first of equals
                            })
        ->first;
  }
};

}  // namespace

std::vector<ScoredKeyword> extract_keywords(const std::vector<Token>& tokens, const std::vector<std::string>& stems,
                                            const std::vector<bool>& content, const ReferenceFrequencies& reference,
                                            std::size_t limit) {
  std::vector<Candidate> candidates;
  std::size_t content_words = 0;
  std::map<std::string, std::size_t, std::less<>> index;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!content[i]) continue;
    ++content_words;
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
  std::erase_if(candidates, [&](Candidate& candidate) {
    const auto reference_count = static_cast<double>(reference.count(candidate.stem));
    const auto reference_tokens = static_cast<double>(reference.content_tokens(candidate.stem));
    candidate.keyness = log_ratio(static_cast<double>(candidate.count), static_cast<double>(content_words),
                                  reference_count, reference_tokens);
    return reference_count > max_reference_rate * reference_tokens;
  });
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.keyness != b.keyness) return a.keyness > b.keyness;
    if (a.letters != b.letters) return a.letters > b.letters;
    return a.first < b.first;
  });
  std::vector<ScoredKeyword> keywords;
  for (std::size_t k = 0; k < candidates.size() && k < limit; ++k)
    keywords.push_back({candidates[k].best_form(), candidates[k].keyness});
  return keywords;
}

std::vector<std::string> extract_phrases(const std::vector<Token>& tokens, const std::vector<bool>& content) {
  std::vector<std::string> phrases;
  const auto add = [&](std::string phrase) {
    if (std::find(phrases.begin(), phrases.end(), phrase) == phrases.end()) phrases.push_back(std::move(phrase));
  };
  std::size_t run = 0;  // content words in a row ending at token i
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    run = content[i] ? run + 1 : 0;
    if (run >= 2) add(tokens[i - 1].text + ' ' + tokens[i].text);
    if (run >= 3) add(tokens[i - 2].text + ' ' + tokens[i - 1].text + ' ' + tokens[i].text);
  }
  return phrases;
}

}  // namespace vka::analysis
