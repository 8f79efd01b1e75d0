// Regression floor for the built-in lexicon on the team's labelled development set
// (tests/data/sentiment_dev.tsv); docs/analysis.md reports the measured values.
#include <gtest/gtest.h>

#include <array>
#include <fstream>
#include <map>
#include <string>

#include "analysis/analyzer.hpp"

namespace vka::analysis {
namespace {

struct Confusion {
  std::map<std::pair<Sentiment, Sentiment>, int> cells;  // (gold, predicted) → count
  int total = 0;

  double macro_f1() const {
    double sum = 0;
    constexpr std::array labels{Sentiment::positive, Sentiment::neutral, Sentiment::negative};
    for (Sentiment label : labels) {
      int tp = 0, fp = 0, fn = 0;
      for (const auto& [key, count] : cells) {
        if (key.first == label && key.second == label) tp += count;
        if (key.first != label && key.second == label) fp += count;
        if (key.first == label && key.second != label) fn += count;
      }
      sum += tp == 0 ? 0.0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
    return sum / static_cast<double>(labels.size());
  }
};

std::map<Language, Confusion> evaluate() {
  const Analyzer analyzer(std::make_shared<Lexicon>(Lexicon::load_builtin()));
  std::ifstream in(std::string(VKA_TEST_DATA_DIR) + "/sentiment_dev.tsv");
  EXPECT_TRUE(in) << "cannot open sentiment_dev.tsv";
  std::map<Language, Confusion> by_language;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line.front() == '#') continue;
    const std::size_t tab = line.find('\t');
    const auto gold = parse_sentiment(line.substr(0, tab));
    if (tab == std::string::npos || !gold) {
      ADD_FAILURE() << "sentiment_dev.tsv:" << number << ": expected '<label><TAB><text>'";
      continue;
    }
    const TextAnalysis result = analyzer.analyze(std::string_view(line).substr(tab + 1));
    Confusion& confusion = by_language[result.language];
    ++confusion.cells[{*gold, result.sentiment}];
    ++confusion.total;
  }
  return by_language;
}

TEST(SentimentDevSet, MacroF1AboveFloor) {
  const auto results = evaluate();
  ASSERT_TRUE(results.contains(Language::ru));
  ASSERT_TRUE(results.contains(Language::en));
  EXPECT_GE(results.at(Language::ru).total, 150);
  EXPECT_GE(results.at(Language::en).total, 80);
  EXPECT_GE(results.at(Language::ru).macro_f1(), 0.90);
  EXPECT_GE(results.at(Language::en).macro_f1(), 0.93);
}

}  // namespace
}  // namespace vka::analysis
