// The negative forms of VK comments that the built-in lexicon and rules cover (docs/analysis.md,
// "Negative forms"): each group fails if its lexicon entries or its rule are removed.
#include <gtest/gtest.h>

#include <initializer_list>

#include "analysis/analyzer.hpp"

namespace vka::analysis {
namespace {

const Analyzer& builtin() {
  static const Analyzer analyzer(std::make_shared<Lexicon>(Lexicon::load_builtin()));
  return analyzer;
}

void expect_all(Sentiment expected, std::initializer_list<std::string_view> texts) {
  for (std::string_view text : texts) EXPECT_EQ(builtin().analyze(text).sentiment, expected) << text;
}

TEST(NegativeForms, ComplaintsAndDemands) {
  expect_all(Sentiment::negative,
             {"верните предоплату", "уберите этот баннер", "сколько можно ждать", "когда уже сделают освещение",
              "до сих пор не пришло", "пятый раз звоню, в который раз", "никто не отвечает", "больше не приду",
              "примите меры", "доколе"});
  expect_all(Sentiment::neutral, {"вернусь к этому вопросу завтра"});
}

TEST(NegativeForms, SarcasmMarkers) {
  expect_all(Sentiment::negative, {"ну спасибо", "ну класс, снова очередь", "ну конечно, кто бы сомневался",
                                   "thanks for nothing", "oh great, more ads"});
}

TEST(NegativeForms, RhetoricalQuestions) {
  expect_all(Sentiment::negative,
             {"зачем это выкладывать?", "вы серьезно?", "и где логика?", "вы издеваетесь?", "who even reads this?"});
  expect_all(Sentiment::neutral, {"серьезно занимаюсь спортом"});
}

TEST(NegativeForms, NegatedPositives) {
  expect_all(Sentiment::negative, {"не очень", "так себе", "ну такое", "такое себе", "не впечатлило", "не понравилось",
                                   "ничего хорошего", "не фонтан", "на любителя", "not impressed", "not worth it"});
  expect_all(Sentiment::positive, {"претензий нет", "ничего страшного", "без проблем"});
}

TEST(NegativeForms, ObsceneAndSlangRootsAndMaskedSpellings) {
  expect_all(Sentiment::negative, {"хуйня", "х**ня", "хуево", "п***ец", "пиздец", "бл*ть", "охуели", "ебанутый",
                                   "задолбали", "надоело", "бомбит", "нахрен", "f*ck this", "bullsh*t"});
  expect_all(Sentiment::positive, {"охуенно", "ох**нно", "заебись"});
}

TEST(NegativeForms, EmojiAndEmoticons) {
  expect_all(Sentiment::negative, {"😡", "🤬", "🤮", "🙄", "😤", "👎", "🥱", "❌", ":(", "((("});
}

TEST(NegativeForms, CapsAndPunctuationIntensify) {
  const auto score = [](std::string_view text) { return builtin().analyze(text).sentiment_score; };
  EXPECT_LT(score("ВЕРНИТЕ ДЕНЬГИ"), score("верните деньги"));
  EXPECT_LT(score("что за бред???"), score("что за бред"));
  EXPECT_EQ(builtin().analyze("и это сервис?!").sentiment, Sentiment::negative);
}

TEST(NegativeForms, EvaluativeComplaintWords) {
  expect_all(Sentiment::negative, {"халтура", "бардак", "бракованный", "невыносимо", "безобразие", "некомпетентные",
                                   "опоздали", "обманули", "разочаровывает", "невкусно"});
}

TEST(NegativeForms, InsultsDisorderAndAppComplaints) {
  expect_all(Sentiment::negative, {"клоуны", "маразм", "дурдом", "быдло", "лохотрон", "наебали", "глючит", "виснет",
                                   "издевательство", "требую", "buggy", "unusable", "never again", "what a joke"});
}

}  // namespace
}  // namespace vka::analysis
