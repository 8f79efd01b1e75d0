// Regression floor for the built-in lexicon on the team's labelled development set
// (tests/data/sentiment_dev.tsv); docs/analysis.md reports the measured values, made by
// scripts/sentiment-eval.
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

  struct Counts {
    int tp = 0, fp = 0, fn = 0;
  };
  Counts counts(Sentiment label) const {
    Counts c;
    for (const auto& [key, count] : cells) {
      if (key.first == label && key.second == label) c.tp += count;
      if (key.first != label && key.second == label) c.fp += count;
      if (key.first == label && key.second != label) c.fn += count;
    }
    return c;
  }
  double precision(Sentiment label) const {
    const Counts c = counts(label);
    return c.tp == 0 ? 0.0 : static_cast<double>(c.tp) / (c.tp + c.fp);
  }
  double recall(Sentiment label) const {
    const Counts c = counts(label);
    return c.tp == 0 ? 0.0 : static_cast<double>(c.tp) / (c.tp + c.fn);
  }
  double macro_f1() const {
    double sum = 0;
    constexpr std::array labels{Sentiment::positive, Sentiment::neutral, Sentiment::negative};
    for (Sentiment label : labels) {
      const Counts c = counts(label);
      sum += c.tp == 0 ? 0.0 : 2.0 * c.tp / (2.0 * c.tp + c.fp + c.fn);
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
  EXPECT_GE(results.at(Language::ru).total, 250);
  EXPECT_GE(results.at(Language::en).total, 100);
  EXPECT_GE(results.at(Language::ru).macro_f1(), 0.87);
  EXPECT_GE(results.at(Language::en).macro_f1(), 0.87);
}

TEST(SentimentDevSet, RussianNegativesFoundWithoutLosingPrecision) {
  const auto results = evaluate();
  ASSERT_TRUE(results.contains(Language::ru));
  EXPECT_GE(results.at(Language::ru).recall(Sentiment::negative), 0.80);
  EXPECT_GE(results.at(Language::ru).precision(Sentiment::negative), 0.85);
}

}  // namespace
}  // namespace vka::analysis
