#include "analysis/sentiment.hpp"

#include <gtest/gtest.h>

#include "analysis/terms.hpp"
#include "analysis/tokenizer.hpp"

namespace vka::analysis {
namespace {

// A small lexicon so that each rule is tested in isolation from the built-in weights.
const Lexicon& test_lexicon() {
  static const Lexicon lexicon = [] {
    Lexicon l;
    const auto error = l.merge_text(
        "[words]\nхороший\t2\nплохой\t-2\nкласс\t2\nужас*\t-3\ngood\t2\nbad\t-2\nтак себе\t-1.5\n"
        "хуйня\t-3\nохуенно\t3\nпизд*\t-2.5\n=верните\t-1.5\nпретензия\t-1.5\n"
        "[rhetorical]\nвообще\t-1.5\n"
        "[intensifiers]\nочень\t1.5\nvery\t1.5\n"
        "[diminishers]\nнемного\t0.5\nslightly\t0.5\n"
        "[negators]\nне\nнет\nбез\nnot\n"
        "[contrast]\nно\nbut\n"
        "[emoji]\n👍\t1.5\n🤦\t-2\n"
        "[emoticons]\n:)\t1.5\n:(\t-1.5\n",
        "test");
    if (error) throw std::logic_error(error->message);
    return l;
  }();
  return lexicon;
}

double score(std::string_view text) {
  const auto tokens = tokenize(text);
  return score_sentiment(tokens, stem_tokens(tokens), test_lexicon()).score;
}

Sentiment label(std::string_view text) {
  const auto tokens = tokenize(text);
  return score_sentiment(tokens, stem_tokens(tokens), test_lexicon()).label;
}

TEST(Sentiment, NoSentimentWordsIsNeutralZero) {
  EXPECT_EQ(score("где купить билеты"), 0.0);
  EXPECT_EQ(label("где купить билеты"), Sentiment::neutral);
  EXPECT_EQ(score(""), 0.0);
}

TEST(Sentiment, WordFormsMatchThroughStems) {
  EXPECT_GT(score("хорошая"), positive_threshold);
  EXPECT_GT(score("хорошие"), positive_threshold);
  EXPECT_LT(score("ужасненько"), negative_threshold);
}

TEST(Sentiment, NegationFlipsAndWeakens) {
  EXPECT_LT(score("не хороший"), 0);
  EXPECT_GT(score("не плохой"), 0);
  EXPECT_LT(score("не плохой"), score("хороший"));
  EXPECT_LT(score("not good"), 0);
  EXPECT_LT(score("isn't good"), 0);  // n't needs no lexicon entry
  EXPECT_GT(score("без проблем плохой"), score("плохой") - 1e-9);
}

TEST(Sentiment, NegationScopeEndsAtPunctuationAndAfterThreeWords) {
  EXPECT_GT(score("не знаю, хороший"), 0);
  EXPECT_GT(score("не раз два три хороший"), 0);
  EXPECT_LT(score("не раз два хороший"), 0);
}

TEST(Sentiment, BareNegatedIntensifierIsMildlyNegative) {
  EXPECT_LT(score("не очень"), 0);
  EXPECT_LT(score("не очень хороший"), score("не очень"));
}

TEST(Sentiment, IntensifiersAndDiminishers) {
  EXPECT_GT(score("очень хороший"), score("хороший"));
  EXPECT_LT(score("очень плохой"), score("плохой"));
  EXPECT_LT(score("немного плохой"), 0);
  EXPECT_GT(score("немного плохой"), score("плохой"));
  EXPECT_GT(score("very good"), score("good"));
  EXPECT_LT(score("slightly good"), score("good"));
}

TEST(Sentiment, ClauseAfterContrastWeighsMore) {
  EXPECT_LT(score("хороший но плохой"), 0);
  EXPECT_GT(score("плохой но хороший"), 0);
  EXPECT_GT(score("bad but good"), 0);
}

TEST(Sentiment, EmojiAndEmoticons) {
  EXPECT_GT(score("👍"), positive_threshold);
  EXPECT_LT(score(":("), negative_threshold);
  EXPECT_GT(score("спасибо)))"), score("спасибо)"));
  EXPECT_LT(score("🤦‍♂️"), negative_threshold);  // ZWJ sequence scored by its first element
  EXPECT_EQ(score("🐈"), 0.0);
}

TEST(Sentiment, ExclamationsAmplifyInTheTextsDirection) {
  EXPECT_GT(score("хороший!!!"), score("хороший"));
  EXPECT_LT(score("плохой!!!"), score("плохой"));
  EXPECT_EQ(score("привет!!!"), 0.0);
}

TEST(Sentiment, ShoutingAmplifies) {
  EXPECT_GT(score("это ХОРОШИЙ фильм"), score("это хороший фильм"));
  EXPECT_LT(score("ЭТО ПЛОХОЙ ФИЛЬМ"), score("это плохой фильм"));  // a whole text in capitals is shouted too
}

TEST(Sentiment, NegatedPositiveIsMoreNegativeThanNegatedNegativeIsPositive) {
  EXPECT_GT(-score("не хороший"), score("не плохой"));
}

TEST(Sentiment, NetAfterAWordNegatesIt) {
  EXPECT_GT(score("претензий нет"), 0);
  EXPECT_LT(score("претензий много, нет"), 0);  // not adjacent
}

TEST(Sentiment, RhetoricalMarkersCountOnlyInQuestions) {
  EXPECT_LT(score("кто вообще это смотрит?"), negative_threshold);
  EXPECT_EQ(score("вообще смотрю редко"), 0.0);
  EXPECT_EQ(score("кто вообще это смотрит? я смотрю"), score("кто вообще это смотрит?"));
}

TEST(Sentiment, IndignantQuestionIsNegative) {
  EXPECT_LT(score("и это всё?!"), 0);
  EXPECT_LT(score("это как?!"), score("это как?"));
}

TEST(Sentiment, RepeatedQuestionMarksAmplify) {
  EXPECT_LT(score("ужас??"), score("ужас?"));
  EXPECT_EQ(score("где купить???"), 0.0);
}

TEST(Sentiment, MaskedSwearWordsMatchTheLexicon) {
  EXPECT_EQ(score("х**ня"), score("хуйня"));
  EXPECT_EQ(score("п***ец"), score("пиздец"));  // prefix pattern пизд*
  EXPECT_GT(score("ох**нно"), positive_threshold);
  EXPECT_LT(score("с*ка"), negative_threshold);  // masked, not in the lexicon: still a swear word
}

TEST(Sentiment, ExactFormsMatchOnlyThatForm) {
  EXPECT_LT(score("верните"), negative_threshold);
  EXPECT_EQ(score("вернусь"), 0.0);
}

TEST(Sentiment, ElongatedWordsAreFound) {
  EXPECT_GT(score("клааааасс"), positive_threshold);
  EXPECT_GT(score("goooood"), positive_threshold);
}

TEST(Sentiment, PhrasesWinOverTheirWords) { EXPECT_LT(score("так себе"), negative_threshold); }

TEST(Sentiment, ScoreStaysInRange) {
  EXPECT_LE(score("очень хороший хороший хороший класс класс 👍👍👍 :))) !!!!!!!!"), 1.0);
  EXPECT_GE(score("очень плохой плохой плохой ужас ужас :((( !!!!!!!!"), -1.0);
}

TEST(Sentiment, ConfidenceGrowsAwayFromTheThresholds) {
  const auto confidence = [](std::string_view text) {
    const auto tokens = tokenize(text);
    return score_sentiment(tokens, stem_tokens(tokens), test_lexicon()).confidence;
  };
  EXPECT_EQ(confidence("где купить билеты"), 0.5);        // no cue at all: an even bet
  EXPECT_LT(confidence("немного немного хороший"), 0.5);  // neutral, but close to the threshold
  EXPECT_GE(confidence("хороший"), 0.5);
  EXPECT_GT(confidence("очень хороший класс!!!"), confidence("хороший"));
  EXPECT_LE(confidence("очень хороший хороший хороший класс класс 👍👍👍 :))) !!!!!!!!"), 1.0);
  EXPECT_EQ(confidence("плохой"), confidence("хороший"));  // symmetric
}

TEST(Sentiment, NamesRoundTrip) {
  for (Sentiment s : {Sentiment::positive, Sentiment::neutral, Sentiment::negative})
    EXPECT_EQ(parse_sentiment(to_string(s)), s);
  EXPECT_FALSE(parse_sentiment("mixed"));
}

}  // namespace
}  // namespace vka::analysis
