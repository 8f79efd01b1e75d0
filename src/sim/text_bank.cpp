#include "sim/text_bank.hpp"

#include <array>

namespace vka::sim {

namespace {

using Bank = std::array<std::string_view, 10>;

constexpr Bank ru_positive{"Спасибо за пост, очень полезно!",
                           "Отличная новость, давно ждали",
                           "Какая красота, просто восторг",
                           "Молодцы, так держать! Всё сделано здорово",
                           "Прекрасная идея, полностью поддерживаю",
                           "Люблю эту группу, всегда интересные материалы",
                           "Ура, наконец-то! Огромное спасибо организаторам",
                           "Очень понравилось, было весело и уютно",
                           "Лучший паблик, читаю каждый день с удовольствием",
                           "Замечательно написано, \"браво\" автору"};
constexpr Bank ru_neutral{"А во сколько начало?",
                          "Подскажите, где можно посмотреть расписание",
                          "Интересно, а что будет дальше",
                          "Вчера проходил мимо, там ремонт",
                          "Это в центре или на окраине?",
                          "Кто-нибудь знает, сколько стоит вход",
                          "Сохранил себе, посмотрю вечером",
                          "Напомните, какой адрес; телефон тоже нужен",
                          "Читаю новости с утра, пью чай",
                          "Сегодня обещают дождь, берите зонты"};
constexpr Bank ru_negative{"Ужасно, опять всё сломали",
                           "Отвратительный сервис, больше не приду",
                           "Это просто позор, стыдно читать",
                           "Очень разочарован, деньги на ветер",
                           "Плохая организация, очереди и хамство",
                           "Надоело, каждый раз одно и то же",
                           "Кошмар, как такое вообще можно допускать",
                           "Бесит эта реклама, отписываюсь",
                           "Грустно и обидно, всё испортили",
                           "Худшее решение за год, \"поздравляю\""};
constexpr Bank en_positive{"Thanks for sharing, this is great!",   "Love it, awesome work everyone",
                           "Beautiful photos, made my day",        "Excellent news, can't wait",
                           "Best community ever, always helpful",  "Well done, really impressed",
                           "This is wonderful, thank you so much", "Great idea, I fully support it",
                           "Amazing event, we had so much fun",    "Brilliant post, \"bravo\" to the author"};
constexpr Bank en_neutral{"What time does it start?",
                          "Where can I find the schedule",
                          "Is this in the city centre or outside?",
                          "Saved it, will read later",
                          "Does anyone know the ticket price",
                          "I passed by yesterday, they are renovating",
                          "Please remind me of the address; phone too",
                          "Reading the news with my morning coffee",
                          "It is supposed to rain today",
                          "Which bus goes there, 12 or 34?"};
constexpr Bank en_negative{"Terrible, they broke everything again",
                           "Awful service, never coming back",
                           "This is a disgrace, shame on them",
                           "Very disappointed, waste of money",
                           "Horrible organisation, queues and rude staff",
                           "So annoying, the same problem every time",
                           "Worst decision this year, \"congratulations\"",
                           "I hate these ads, unsubscribing",
                           "Sad and upsetting, they ruined it",
                           "Broken again, this is unacceptable"};

constexpr std::array<std::string_view, 6> ru_posts{
    "Друзья, в субботу в парке пройдёт городской фестиваль. Вход свободный, начало в 12:00.",
    "Новости дня: в центре открылась новая библиотека; внутри — коворкинг и детская комната.",
    "Опрос: как вы добираетесь до работы? Пишите в комментариях, обсудим!",
    "Фото недели от подписчиков — «осень в городе». Присылайте свои снимки в предложку.",
    "Внимание: с понедельника меняется расписание автобусов 12, 34 и 56.",
    "Итоги года: 120 мероприятий, 15 000 участников и \"спасибо\" каждому из вас."};
constexpr std::array<std::string_view, 6> en_posts{
    "Friends, the city festival takes place in the park on Saturday. Free entry, starts at noon.",
    "News of the day: a new library opened downtown; there is a co-working space inside.",
    "Poll: how do you get to work? Tell us in the comments!",
    "Photo of the week from our readers — \"autumn in the city\". Send us yours.",
    "Heads up: bus routes 12, 34 and 56 change their schedule from Monday.",
    "Year in review: 120 events, 15,000 participants and a big \"thank you\" to all of you."};

constexpr std::array<std::string_view, 4> positive_emoji{"😊", "❤️", "👍", "🔥"};
constexpr std::array<std::string_view, 3> neutral_emoji{"🤔", "👀", "📅"};
constexpr std::array<std::string_view, 3> negative_emoji{"😡", "👎", "😞"};

constexpr std::array<std::string_view, 10> ru_first_male{"Александр", "Дмитрий", "Максим", "Сергей", "Андрей",
                                                         "Алексей",   "Иван",    "Никита", "Михаил", "Егор"};
constexpr std::array<std::string_view, 10> ru_first_female{"Анна",      "Мария", "Елена", "Ольга",   "Наталья",
                                                           "Екатерина", "Дарья", "Юлия",  "Татьяна", "Ксения"};
constexpr std::array<std::string_view, 10> ru_last{"Иванов", "Смирнов", "Кузнецов", "Попов",   "Васильев",
                                                   "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров"};
constexpr std::array<std::string_view, 10> en_first{"John", "Emma",   "Oliver", "Sophia", "James",
                                                    "Mia",  "Daniel", "Grace",  "Liam",   "Chloe"};
constexpr std::array<std::string_view, 10> en_last{"Smith",  "O'Brien", "Johnson", "Brown",  "Taylor",
                                                   "Wilson", "Davies",  "Evans",   "Walker", "Wright"};

const Bank& bank(Language language, Sentiment sentiment) {
  switch (sentiment) {
    case Sentiment::positive: return language == Language::ru ? ru_positive : en_positive;
    case Sentiment::neutral: return language == Language::ru ? ru_neutral : en_neutral;
    case Sentiment::negative: break;
  }
  return language == Language::ru ? ru_negative : en_negative;
}

template <typename Array>
std::string_view pick(Rng& rng, const Array& items) {
  return rng.pick(std::span<const std::string_view>{items.data(), items.size()});
}

std::string_view emoji(Rng& rng, Sentiment sentiment) {
  switch (sentiment) {
    case Sentiment::positive: return pick(rng, positive_emoji);
    case Sentiment::neutral: return pick(rng, neutral_emoji);
    case Sentiment::negative: break;
  }
  return pick(rng, negative_emoji);
}

Sentiment draw_sentiment(Rng& rng) {
  const double u = rng.unit();
  if (u < 0.35) return Sentiment::positive;
  if (u < 0.75) return Sentiment::neutral;
  return Sentiment::negative;
}

}  // namespace

std::string_view to_string(Sentiment sentiment) {
  switch (sentiment) {
    case Sentiment::positive: return "positive";
    case Sentiment::neutral: return "neutral";
    case Sentiment::negative: break;
  }
  return "negative";
}

std::string_view to_string(Language language) { return language == Language::ru ? "ru" : "en"; }

Text comment_text(Rng& rng, Language language, const Mention* reply_to) {
  Text result;
  result.sentiment = draw_sentiment(rng);
  const auto& sentences = bank(language, result.sentiment);
  if (reply_to && rng.chance(0.7)) result.text = "[" + reply_to->link + "|" + reply_to->name + "], ";
  result.text += pick(rng, sentences);
  // Same-label continuations keep the label honest; separators exercise CSV quoting.
  if (rng.chance(0.25)) {
    const double u = rng.unit();
    result.text += u < 0.5 ? ". " : u < 0.75 ? "\n" : u < 0.9 ? "; " : "\t";
    result.text += pick(rng, sentences);
  }
  if (rng.chance(0.4)) {
    result.text += ' ';
    result.text += emoji(rng, result.sentiment);
  }
  return result;
}

std::string post_text(Rng& rng, Language language) {
  std::string text{language == Language::ru ? pick(rng, ru_posts) : pick(rng, en_posts)};
  if (rng.chance(0.3)) text += language == Language::ru ? "\n\n#новости #город" : "\n\n#news #city";
  return text;
}

PersonName person_name(Rng& rng, Language language) {
  if (language == Language::en) return {std::string{pick(rng, en_first)}, std::string{pick(rng, en_last)}};
  if (rng.chance(0.5)) return {std::string{pick(rng, ru_first_male)}, std::string{pick(rng, ru_last)}};
  return {std::string{pick(rng, ru_first_female)}, std::string{pick(rng, ru_last)} + "а"};
}

}  // namespace vka::sim
