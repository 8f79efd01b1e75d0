#include "analysis/keyword_stats.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "analysis/best_ranked.hpp"
#include "analysis/stemmer.hpp"
#include "analysis/tokenizer.hpp"

namespace vka::analysis {

namespace {

// A keyword made of one word is grouped by its stem; anything else (numbers, odd input) by itself.
std::pair<std::string, std::string> stem_and_form(const std::string& keyword) {
  auto tokens = tokenize(keyword);
  if (tokens.size() == 1 && (tokens[0].kind == TokenKind::word || tokens[0].kind == TokenKind::hashtag))
    return {stem(tokens[0].text), std::move(tokens[0].text)};
  return {keyword, keyword};
}

double x_log_ratio(double observed, double expected) {
  return observed > 0 && expected > 0 ? observed * std::log(observed / expected) : 0.0;
}

}  // namespace

double log_likelihood_ratio(std::int64_t a, std::int64_t n1, std::int64_t b, std::int64_t n2) {
  const double n = static_cast<double>(n1 + n2);
  if (n1 <= 0 || n2 <= 0) return 0.0;
  const double with = static_cast<double>(a + b);
  const double without = n - with;
  const double e11 = static_cast<double>(n1) * with / n;
  const double e12 = static_cast<double>(n2) * with / n;
  const double e21 = static_cast<double>(n1) * without / n;
  const double e22 = static_cast<double>(n2) * without / n;
  return 2.0 * (x_log_ratio(static_cast<double>(a), e11) + x_log_ratio(static_cast<double>(b), e12) +
                x_log_ratio(static_cast<double>(n1 - a), e21) + x_log_ratio(static_cast<double>(n2 - b), e22));
}

void KeywordStats::add(const std::vector<std::string>& keywords) {
  ++documents_;
  std::unordered_set<std::string> seen;
  for (const std::string& keyword : keywords) {
    if (keyword.empty()) continue;
    auto [stem, form] = stem_and_form(keyword);
    Term& term = terms_[stem];
    if (seen.insert(std::move(stem)).second) ++term.documents;
    ++term.forms[std::move(form)];
  }
}

void KeywordStats::add_counts(std::int64_t documents,
                              const std::vector<std::pair<std::string, std::int64_t>>& keywords) {
  documents_ += documents;
  terms_.reserve(terms_.size() + keywords.size());
  for (const auto& [keyword, count] : keywords) {
    if (keyword.empty()) continue;
    auto [stem, form] = stem_and_form(keyword);
    Term& term = terms_[stem];
    term.documents += count;
    term.forms[std::move(form)] += count;
  }
}

void KeywordStats::merge(const KeywordStats& other) {
  documents_ += other.documents_;
  for (const auto& [stem, theirs] : other.terms_) {
    Term& ours = terms_[stem];
    ours.documents += theirs.documents;
    for (const auto& [form, count] : theirs.forms) ours.forms[form] += count;
  }
}

const std::string& KeywordStats::display_form(const Term& term) {
  return std::min_element(term.forms.begin(), term.forms.end(),
                          [](const auto& a, const auto& b) {
                            return a.second != b.second ? a.second > b.second : a.first < b.first;
                          })
      ->first;
}

std::vector<KeywordCount> KeywordStats::top(std::size_t n) const {
  std::vector<RankedText> counts;
  counts.reserve(terms_.size());
  for (const auto& [stem, term] : terms_)
    counts.push_back(
        {&display_form(term), term.documents, static_cast<double>(term.documents) / static_cast<double>(documents_)});
  return best_ranked<KeywordCount>(counts, n);
}

std::vector<KeywordCount> KeywordStats::key_terms(std::size_t n, const ReferenceFrequencies& reference,
                                                  std::int64_t min_documents) const {
  std::int64_t mentions = 0;
  for (const auto& [stem, term] : terms_) mentions += term.documents;
  std::vector<RankedText> counts;
  for (const auto& [stem, term] : terms_) {
    if (term.documents < min_documents) continue;
    const std::int64_t in_reference = reference.count(stem);
    const std::int64_t reference_tokens = reference.content_tokens(stem);
    // Only terms more frequent here than in general language are key.
    if (term.documents * reference_tokens <= in_reference * mentions) continue;
    counts.push_back({&display_form(term), term.documents,
                      log_likelihood_ratio(term.documents, mentions, in_reference, reference_tokens)});
  }
  return best_ranked<KeywordCount>(counts, n);
}

std::vector<KeywordCount> KeywordStats::top(std::size_t n, const KeywordStats& whole) const {
  const std::int64_t rest_documents = whole.documents_ - documents_;
  if (rest_documents <= 0) return top(n);
  std::vector<RankedText> counts;
  for (const auto& [stem, term] : terms_) {
    const auto in_whole = whole.terms_.find(stem);
    const std::int64_t rest =
        std::max<std::int64_t>((in_whole == whole.terms_.end() ? 0 : in_whole->second.documents) - term.documents, 0);
    // Only terms more frequent here than in the rest set this subset apart.
    if (term.documents * rest_documents <= rest * documents_) continue;
    counts.push_back(
        {&display_form(term), term.documents, log_likelihood_ratio(term.documents, documents_, rest, rest_documents)});
  }
  return best_ranked<KeywordCount>(counts, n);
}

}  // namespace vka::analysis
