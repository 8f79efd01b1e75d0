// Comments analysed per second on one core, on a mix shaped like VK comment pages: mostly
// short Russian replies, some English, emoji, mentions, links, a few long comments.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "analysis/analyzer.hpp"
#include "analysis/keyword_stats.hpp"

namespace {

using namespace vka::analysis;

const std::vector<std::string>& comments() {
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> base{
        "спасибо, очень полезно!",
        "[id1201|Алексей], а вы где брали?",
        "ахахах ну это шедевр 😂😂😂",
        "не понимаю зачем такое публиковать, бред какой-то",
        "когда следующая встреча? хотим прийти всей семьей",
        "Цены конечно космос... раньше было дешевле(((",
        "котики лучшие ❤️🐈",
        "ссылка на трансляцию https://vk.com/video-1_456239017",
        "норм",
        "это не так работает, почитайте закон, там всё написано. и вообще админ удаляет неудобные "
        "комментарии, что уже не первый раз. очень жаль, раньше группа была нормальная, а сейчас одна реклама",
        "great news, thanks for sharing!",
        "this is not what we were promised :(",
        "👍",
        "#новости #москва перекрыли центр с утра, пробки жуткие",
        "кто нибудь знает работает ли сегодня поликлиника на ленина?",
        "Очень круто!!! Молодцы ребята, так держать 💪",
        "ну такое, на любителя",
        "[club77|Кафе Уют], спасибо за вкусный ужин, обслуживание на высоте",
        "lol what",
        "жесть конечно, берегите себя",
        "х**ня какая-то, верните деньги!!!",
        "вы серьезно?! третий день без воды",
        "Дякую, дуже цікаво",
        "это был best день ever 🔥",
    };
    return base;
  }();
  return texts;
}

const Analyzer& analyzer() {
  static const Analyzer instance(std::make_shared<Lexicon>(Lexicon::load_builtin()));
  return instance;
}

void BM_Analyze(benchmark::State& state) {
  const auto& texts = comments();
  std::size_t i = 0;
  std::int64_t bytes = 0;
  for (auto _ : state) {
    const std::string& text = texts[i++ % texts.size()];
    benchmark::DoNotOptimize(analyzer().analyze(text));
    bytes += static_cast<std::int64_t>(text.size());
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_Analyze);

void BM_SearchTerms(benchmark::State& state) {
  const auto& texts = comments();
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(analyzer().search_terms(texts[i++ % texts.size()]));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SearchTerms);

// Feeding stored keywords of 10 000 comments into the corpus statistic and ranking them.
void BM_KeywordStats10k(benchmark::State& state) {
  std::vector<std::vector<std::string>> keywords;
  for (const auto& text : comments()) keywords.push_back(analyzer().analyze(text).keywords);
  for (auto _ : state) {
    KeywordStats whole;
    KeywordStats subset;
    for (int i = 0; i < 10000; ++i) {
      const auto& doc = keywords[static_cast<std::size_t>(i) % keywords.size()];
      whole.add(doc);
      if (i % 7 == 0) subset.add(doc);
    }
    benchmark::DoNotOptimize(subset.top(20, whole));
    benchmark::DoNotOptimize(whole.key_terms(20));
  }
  state.SetItemsProcessed(state.iterations() * 10000);
}
BENCHMARK(BM_KeywordStats10k)->Unit(benchmark::kMillisecond);

}  // namespace
