#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <thread>

#include "analysis/analyzer.hpp"
#include "analysis/keyword_stats.hpp"
#include "analysis/keywords.hpp"
#include "analysis/phrase_stats.hpp"
#include "analysis/terms.hpp"
#include "analysis/tokenizer.hpp"
#include "domain/phrase_words.hpp"

namespace vka::analysis {
namespace {

const Analyzer& analyzer() {
  static const Analyzer instance(std::make_shared<Lexicon>(Lexicon::load_builtin()));
  return instance;
}

std::vector<std::string> keywords_of(std::string_view text, std::size_t limit = keywords_per_text) {
  const auto tokens = tokenize(text);
  std::vector<std::string> words;
  for (auto& keyword :
       extract_keywords(tokens, stem_tokens(tokens), content_words(tokens), ReferenceFrequencies::builtin(), limit))
    words.push_back(std::move(keyword.word));
  return words;
}

TEST(SearchTerms, WordFormsGiveTheSameTerm) {
  EXPECT_EQ(analyzer().search_terms("котики"), analyzer().search_terms("котик"));
  EXPECT_EQ(analyzer().search_terms("Котиков"), analyzer().search_terms("котик"));
  EXPECT_EQ(analyzer().search_terms("cats"), analyzer().search_terms("cat"));
  EXPECT_EQ(analyzer().search_terms("ЁЛКА"), analyzer().search_terms("елки"));
}

TEST(SearchTerms, StopwordsMentionsUrlsAndEmojiAreDropped) {
  EXPECT_EQ(analyzer().search_terms("и я тоже в [id1|Паша] https://vk.com 👍 :)"), std::vector<std::string>{});
  EXPECT_EQ(analyzer().search_terms("Котики и собаки в 2024 #котики"),
            (std::vector<std::string>{"котик", "собак", "2024", "котик"}));
}

TEST(Keywords, RepeatedStemShownInItsCommonestForm) {
  const auto words = keywords_of("котики спят, котик ест, котики играют, собака", 4);
  ASSERT_FALSE(words.empty());
  EXPECT_EQ(words.front(), "котики");  // three times in a short text: the most key word
}

TEST(Keywords, RankedByKeynessAgainstGeneralLanguage) {
  // «сколько» and «можно» are core vocabulary of the reference corpus: no keywords at all.
  EXPECT_EQ(keywords_of("сколько можно ждать велосипед"), (std::vector<std::string>{"велосипед", "ждать"}));
  const auto tokens = tokenize("номер велосипед");
  const auto scored =
      extract_keywords(tokens, stem_tokens(tokens), content_words(tokens), ReferenceFrequencies::builtin());
  ASSERT_EQ(scored.size(), 2u);
  EXPECT_EQ(scored[0].word, "велосипед");  // rarer in general language than «номер»
  EXPECT_GT(scored[0].keyness, scored[1].keyness);
}

TEST(Keywords, PhrasesAreRunsOfContentWords) {
  const auto tokens = tokenize("горячая вода опять отключена, и свет тоже");
  EXPECT_EQ(extract_phrases(tokens, content_words(tokens)),
            (std::vector<std::string>{"горячая вода", "вода опять", "горячая вода опять", "опять отключена",
                                      "вода опять отключена"}));
  const auto separated = tokenize("кот, собака");
  EXPECT_TRUE(extract_phrases(separated, content_words(separated)).empty());
}

TEST(PhraseStats, AssociatedPhrasesRankFirst) {
  PhraseStats stats;
  for (int i = 0; i < 20; ++i) stats.add({"горячая вода"});
  for (const char* phrase : {"новая вода", "новая машина", "новая школа"})
    for (int i = 0; i < 10; ++i) stats.add({phrase});
  for (int i = 0; i < 30; ++i) stats.add({});
  const auto top = stats.top(10);
  ASSERT_GE(top.size(), 2u);
  EXPECT_EQ(top[0].phrase, "горячая вода");
  EXPECT_EQ(top[0].count, 20);
  // «вода» follows «новая» (10 of 30) less often than it occurs without it (20 of 50).
  EXPECT_TRUE(std::none_of(top.begin(), top.end(), [](const PhraseCount& p) { return p.phrase == "новая вода"; }));
  EXPECT_TRUE(stats.top(10, 21).empty());  // frequency floor
}

// The analytics read models keep per-phrase and per-word comment counts; scoring from them must be what
// feeding the comments one by one gives.
TEST(PhraseStats, CountsKeptElsewhereScoreAsTheDocumentsDo) {
  const std::vector<std::vector<std::string>> documents = {{"горячая вода", "вода опять"},
                                                           {"горячая вода"},
                                                           {"горячая вода", "новая школа"},
                                                           {"новая вода"},
                                                           {"новая школа"},
                                                           {"новая школа"},
                                                           {},
                                                           {"горячая вода"}};
  PhraseStats fed;
  std::map<std::string, std::int64_t> phrases, words;
  for (const auto& document : documents) {
    fed.add(document);
    for (const auto& phrase : document) ++phrases[phrase];
    for (const auto& word : domain::phrase_words(document)) ++words[word];
  }
  PhraseStats counted;
  counted.add_counts(static_cast<std::int64_t>(documents.size()), {phrases.begin(), phrases.end()},
                     {words.begin(), words.end()});
  const auto top = counted.top(10);
  ASSERT_EQ(top.size(), fed.top(10).size());
  ASSERT_FALSE(top.empty());
  for (std::size_t i = 0; i < top.size(); ++i) {
    EXPECT_EQ(top[i].phrase, fed.top(10)[i].phrase);
    EXPECT_EQ(top[i].count, fed.top(10)[i].count);
    EXPECT_DOUBLE_EQ(top[i].score, fed.top(10)[i].score);
  }
  const auto hot_water =
      std::find_if(top.begin(), top.end(), [](const PhraseCount& p) { return p.phrase == "горячая вода"; });
  ASSERT_NE(hot_water, top.end());
  EXPECT_EQ(hot_water->count, 4);
  EXPECT_GT(hot_water->score, 0);
}

TEST(PhraseStats, PhraseWordsAreEachDistinctWordOnce) {
  EXPECT_EQ(domain::phrase_words({"горячая вода", "вода опять", "горячая вода опять"}),
            (std::vector<std::string>{"горячая", "вода", "опять"}));
  EXPECT_TRUE(domain::phrase_words({}).empty());
}

TEST(Keywords, UserStopwordsKeepWordsOutOfKeywordsAndPhrases) {
  auto user = std::make_shared<StopwordList>();
  user->merge_text("# our brand\nКотопёс\n");
  const Analyzer with_list(std::make_shared<Lexicon>(Lexicon::load_builtin()), user);
  const TextAnalysis result = with_list.analyze("котопес велосипед красный");
  EXPECT_EQ(std::find(result.keywords.begin(), result.keywords.end(), "котопес"), result.keywords.end());
  EXPECT_NE(std::find(result.keywords.begin(), result.keywords.end(), "велосипед"), result.keywords.end());
  EXPECT_EQ(result.phrases, std::vector<std::string>{"велосипед красный"});
  EXPECT_EQ(with_list.search_terms("котопес"), analyzer().search_terms("котопес"));  // search is unchanged
}

TEST(Keywords, StopwordFileErrorsNameTheFile) {
  StopwordList list;
  const auto error = list.merge_file("/nonexistent/stop.txt");
  ASSERT_TRUE(error);
  EXPECT_TRUE(error->starts_with("/nonexistent/stop.txt: cannot read")) << *error;
  EXPECT_TRUE(list.empty());
}

TEST(KeywordStats, KeyTermsAgainstTheReferenceDropGeneralWords) {
  KeywordStats stats;
  for (int i = 0; i < 10; ++i) stats.add({"велосипед", "человек"});
  for (int i = 0; i < 2; ++i) stats.add({"самокат"});
  const auto key = stats.key_terms(5);
  ASSERT_FALSE(key.empty());
  EXPECT_EQ(key[0].term, "велосипед");
  EXPECT_EQ(key[0].count, 10);
  EXPECT_GT(key[0].score, 0);
  for (const auto& term : key) EXPECT_NE(term.term, "самокат");  // below the 3-document floor
}

TEST(Keywords, StopwordsShortWordsAndLaughterAreNotKeywords) {
  EXPECT_EQ(keywords_of("ахахаха ну это же кот и я"), std::vector<std::string>{"кот"});
}

TEST(Keywords, LimitAndTies) {
  // All once: longer words first, then by position.
  EXPECT_EQ(keywords_of("дом велосипед машина", 2), (std::vector<std::string>{"велосипед", "машина"}));
}

TEST(KeywordStats, CountsDocumentsGroupingWordForms) {
  KeywordStats stats;
  stats.add({"котики", "дом"});
  stats.add({"котик", "котиков"});
  stats.add({"котики"});
  const auto top = stats.top(5);
  ASSERT_EQ(top.size(), 2u);
  EXPECT_EQ(top[0].term, "котики");
  EXPECT_EQ(top[0].count, 3);
  EXPECT_DOUBLE_EQ(top[0].score, 1.0);
  EXPECT_EQ(top[1].term, "дом");
  EXPECT_EQ(top[1].count, 1);
}

TEST(KeywordStats, TermFrequentInSubsetButRareInBackgroundRanksFirst) {
  KeywordStats subset;
  KeywordStats whole;
  const auto add_both = [&](const std::vector<std::string>& keywords) {
    subset.add(keywords);
    whole.add(keywords);
  };
  for (int i = 0; i < 20; ++i) add_both({"цена", "скидка"});
  for (int i = 0; i < 15; ++i) add_both({"цена", "доставка"});
  for (int i = 0; i < 200; ++i) whole.add({"цена", "погода"});
  for (int i = 0; i < 30; ++i) whole.add({"доставка"});

  // By raw counts "цена" leads; against the background, "скидка" (only in the subset) does.
  EXPECT_EQ(subset.top(1)[0].term, "цена");
  const auto distinctive = subset.top(3, whole);
  ASSERT_FALSE(distinctive.empty());
  EXPECT_EQ(distinctive[0].term, "скидка");
  EXPECT_EQ(distinctive[0].count, 20);
  EXPECT_GT(distinctive[0].score, 0);
  for (const auto& keyword : distinctive) EXPECT_NE(keyword.term, "погода");
}

TEST(KeywordStats, SubsetEqualToWholeFallsBackToCounts) {
  KeywordStats stats;
  stats.add({"кот"});
  stats.add({"кот", "пес"});
  const auto top = stats.top(2, stats);
  ASSERT_EQ(top.size(), 2u);
  EXPECT_EQ(top[0].term, "кот");
}

TEST(KeywordStats, MergeEqualsAddingEverything) {
  KeywordStats a, b, all;
  for (const auto& doc : std::vector<std::vector<std::string>>{{"кот", "дом"}, {"коты"}, {"дом"}, {"сад", "кот"}}) {
    (doc.size() == 2 ? a : b).add(doc);
    all.add(doc);
  }
  a.merge(b);
  EXPECT_EQ(a.documents(), all.documents());
  const auto merged = a.top(10);
  const auto direct = all.top(10);
  ASSERT_EQ(merged.size(), direct.size());
  for (std::size_t i = 0; i < merged.size(); ++i) {
    EXPECT_EQ(merged[i].term, direct[i].term);
    EXPECT_EQ(merged[i].count, direct[i].count);
  }
}

TEST(KeywordStats, LogLikelihoodRatio) {
  EXPECT_DOUBLE_EQ(log_likelihood_ratio(10, 100, 100, 1000), 0.0);  // same rate
  EXPECT_GT(log_likelihood_ratio(50, 100, 10, 1000), log_likelihood_ratio(20, 100, 10, 1000));
  EXPECT_EQ(log_likelihood_ratio(1, 1, 0, 0), 0.0);
}

TEST(Analyzer, AnalyzesLanguageSentimentAndKeywords) {
  const TextAnalysis result = analyzer().analyze("Очень крутой концерт, спасибо организаторам концерта!!!");
  EXPECT_EQ(result.language, Language::ru);
  EXPECT_EQ(result.sentiment, Sentiment::positive);
  EXPECT_GT(result.sentiment_score, 0.5);
  ASSERT_FALSE(result.keywords.empty());
  EXPECT_EQ(result.keywords[0], "концерт");
}

TEST(Analyzer, SafeFromManyThreads) {
  const std::string text = "котики очень хорошие, но собаки не очень 😂";
  const TextAnalysis expected = analyzer().analyze(text);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 300; ++i) {
        const TextAnalysis got = analyzer().analyze(text);
        if (got.sentiment_score != expected.sentiment_score || got.keywords != expected.keywords) ++mismatches[t];
      }
    });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

TEST(Language, DetectsRussianUkrainianBelarusianEnglishMixedAndOther) {
  EXPECT_EQ(detect_language(tokenize("привет, как дела? ok")), Language::ru);
  EXPECT_EQ(detect_language(tokenize("hello there, how are you, как там")), Language::en);
  EXPECT_EQ(detect_language(tokenize("это был best день ever")), Language::mixed);
  EXPECT_EQ(detect_language(tokenize("👍 123 https://vk.com [id1|Иван]")), Language::other);
  EXPECT_EQ(detect_language(tokenize("Дякую, це дуже цікаво і корисно")), Language::uk);
  EXPECT_EQ(detect_language(tokenize("дякую за допомогу")), Language::uk);  // by the word alone
  EXPECT_EQ(detect_language(tokenize("Гэта вельмі добра, дзякуй")), Language::be);
  EXPECT_EQ(detect_language(tokenize("У мяне ўсё добра")), Language::be);
  EXPECT_EQ(detect_language(tokenize("Сёння ў горадзе")), Language::be);
  EXPECT_EQ(detect_language(tokenize("東京に行きたい")), Language::other);
  EXPECT_EQ(parse_language("en"), Language::en);
  EXPECT_EQ(parse_language("mixed"), Language::mixed);
  EXPECT_FALSE(parse_language("de"));
}

TEST(Language, UkrainianAndBelarusianGetNoRussianSentiment) {
  const TextAnalysis result = analyzer().analyze("це жахливо, погано, ненавиджу");
  EXPECT_EQ(result.language, Language::uk);
  EXPECT_FALSE(result.sentiment_supported);
  EXPECT_EQ(result.sentiment, Sentiment::neutral);
  EXPECT_EQ(result.confidence, 0.0);
  // Keywords keep their forms: no Russian stems of Ukrainian words.
  EXPECT_NE(std::find(result.keywords.begin(), result.keywords.end(), "ненавиджу"), result.keywords.end());
  EXPECT_TRUE(analyzer().analyze("ужасно").sentiment_supported);
}

}  // namespace
}  // namespace vka::analysis
