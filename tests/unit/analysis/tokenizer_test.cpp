#include "analysis/tokenizer.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace vka::analysis {
namespace {

using Typed = std::vector<std::pair<TokenKind, std::string>>;

Typed typed(std::string_view text) {
  Typed out;
  for (const Token& token : tokenize(text)) out.emplace_back(token.kind, token.text);
  return out;
}

TEST(Tokenizer, WordsAreLowercasedWithYoFolded) {
  EXPECT_EQ(
      typed("Ёжик ВСЁ ЕЩЁ Hello"),
      (Typed{
          {TokenKind::word, "ежик"}, {TokenKind::word, "все"}, {TokenKind::word, "еще"}, {TokenKind::word, "hello"}}));
}

TEST(Tokenizer, WordsKeepInnerHyphensAndApostrophes) {
  EXPECT_EQ(typed("кто-то don’t covid19 -нет"), (Typed{{TokenKind::word, "кто-то"},
                                                       {TokenKind::word, "don't"},
                                                       {TokenKind::word, "covid19"},
                                                       {TokenKind::word, "нет"}}));
}

TEST(Tokenizer, DecomposedShortIIsComposed) { EXPECT_EQ(typed("мои\xCC\x86"), (Typed{{TokenKind::word, "мой"}})); }

TEST(Tokenizer, Numbers) {
  EXPECT_EQ(typed("в 12:30 за 3.5 и 1,000 5мин"), (Typed{{TokenKind::word, "в"},
                                                         {TokenKind::number, "12:30"},
                                                         {TokenKind::word, "за"},
                                                         {TokenKind::number, "3.5"},
                                                         {TokenKind::word, "и"},
                                                         {TokenKind::number, "1,000"},
                                                         {TokenKind::number, "5"},
                                                         {TokenKind::word, "мин"}}));
}

TEST(Tokenizer, Urls) {
  EXPECT_EQ(typed("см. https://vk.com/wall-1_2?w=x, www.Example.org и vk.cc/abc."),
            (Typed{{TokenKind::word, "см"},
                   {TokenKind::punctuation, "."},
                   {TokenKind::url, "https://vk.com/wall-1_2?w=x"},
                   {TokenKind::punctuation, ","},
                   {TokenKind::url, "www.Example.org"},
                   {TokenKind::word, "и"},
                   {TokenKind::url, "vk.cc/abc"},
                   {TokenKind::punctuation, "."}}));
  EXPECT_EQ(typed("Node.js e.g."), (Typed{{TokenKind::word, "node"},
                                          {TokenKind::punctuation, "."},
                                          {TokenKind::word, "js"},
                                          {TokenKind::word, "e"},
                                          {TokenKind::punctuation, "."},
                                          {TokenKind::word, "g"},
                                          {TokenKind::punctuation, "."}}));
}

TEST(Tokenizer, Mentions) {
  EXPECT_EQ(typed("[id123|Павел], [club42|Котики] @durov [id|x] [idx|y]"), (Typed{{TokenKind::mention, "id123"},
                                                                                  {TokenKind::punctuation, ","},
                                                                                  {TokenKind::mention, "club42"},
                                                                                  {TokenKind::mention, "durov"},
                                                                                  {TokenKind::word, "id"},
                                                                                  {TokenKind::word, "x"},
                                                                                  {TokenKind::word, "idx"},
                                                                                  {TokenKind::word, "y"}}));
}

TEST(Tokenizer, MentionNameIsNotAWord) {
  const auto tokens = tokenize("[id1|Ужасный Человек] привет");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].raw, "[id1|Ужасный Человек]");
}

TEST(Tokenizer, Hashtags) {
  EXPECT_EQ(typed("#Котики #2024 #vk_fest"),
            (Typed{{TokenKind::hashtag, "котики"}, {TokenKind::number, "2024"}, {TokenKind::hashtag, "vk_fest"}}));
}

TEST(Tokenizer, EmojiSequencesAreOneTokenEach) {
  // thumbs up + skin tone; family with ZWJ; flag; heart with VS16; keycap; two separate emoji.
  const auto tokens = typed("👍🏽 👨‍👩‍👧 🇷🇺 ❤️ 1️⃣ 😂😂");
  EXPECT_EQ(tokens, (Typed{{TokenKind::emoji, "👍"},
                           {TokenKind::emoji, "👨\u200D👩\u200D👧"},
                           {TokenKind::emoji, "🇷🇺"},
                           {TokenKind::emoji, "❤"},
                           {TokenKind::emoji, "1\u20E3"},
                           {TokenKind::emoji, "😂"},
                           {TokenKind::emoji, "😂"}}));
}

TEST(Tokenizer, Emoticons) {
  EXPECT_EQ(typed(":) :-( :D xD XD ;) :'( =) <3 ^^ :P"), (Typed{{TokenKind::emoticon, ":)"},
                                                                {TokenKind::emoticon, ":("},
                                                                {TokenKind::emoticon, ":D"},
                                                                {TokenKind::emoticon, ":D"},
                                                                {TokenKind::emoticon, ":D"},
                                                                {TokenKind::emoticon, ";)"},
                                                                {TokenKind::emoticon, ":'("},
                                                                {TokenKind::emoticon, ":)"},
                                                                {TokenKind::emoticon, "<3"},
                                                                {TokenKind::emoticon, "^_^"},
                                                                {TokenKind::emoticon, ":P"}}));
}

TEST(Tokenizer, BareBracketSmileysAreToldFromParentheses) {
  EXPECT_EQ(typed("спасибо))) грустно((("), (Typed{{TokenKind::word, "спасибо"},
                                                   {TokenKind::emoticon, ":)"},
                                                   {TokenKind::word, "грустно"},
                                                   {TokenKind::emoticon, ":("}}));
  EXPECT_EQ(typed("ок)"), (Typed{{TokenKind::word, "ок"}, {TokenKind::emoticon, ":)"}}));
  EXPECT_EQ(typed("жаль ("), (Typed{{TokenKind::word, "жаль"}, {TokenKind::emoticon, ":("}}));
  // Ordinary parentheses and list markers are not smileys.
  EXPECT_EQ(typed("(см. выше) 1) да"), (Typed{{TokenKind::word, "см"},
                                              {TokenKind::punctuation, "."},
                                              {TokenKind::word, "выше"},
                                              {TokenKind::number, "1"},
                                              {TokenKind::word, "да"}}));
  // A closing paren followed by more closers: the rest is a smile.
  EXPECT_EQ(typed("(ну ладно)))"),
            (Typed{{TokenKind::word, "ну"}, {TokenKind::word, "ладно"}, {TokenKind::emoticon, ":)"}}));
}

TEST(Tokenizer, PunctuationRunsAreOneToken) {
  EXPECT_EQ(typed("да!!! нет?! ну…"), (Typed{{TokenKind::word, "да"},
                                             {TokenKind::punctuation, "!!!"},
                                             {TokenKind::word, "нет"},
                                             {TokenKind::punctuation, "?!"},
                                             {TokenKind::word, "ну"},
                                             {TokenKind::punctuation, "…"}}));
}

TEST(Tokenizer, TimeIsNotAFace) {
  EXPECT_EQ(typed("в 10:30"), (Typed{{TokenKind::word, "в"}, {TokenKind::number, "10:30"}}));
}

TEST(Tokenizer, InvalidUtf8IsSkipped) {
  const std::string text = "при\xD0вет \xFF\xFE ok \xF0\x9F\x98 \xE2\x82 хор\xC0\xAFошо";
  const auto tokens = typed(text);
  EXPECT_EQ(tokens, (Typed{{TokenKind::word, "при"},
                           {TokenKind::word, "вет"},
                           {TokenKind::word, "ok"},
                           {TokenKind::word, "хор"},
                           {TokenKind::word, "ошо"}}));
}

TEST(Tokenizer, RawViewsTheInput) {
  const std::string text = "Привет, МИР :-)))";
  const auto tokens = tokenize(text);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[2].raw, "МИР");
  EXPECT_EQ(tokens[3].raw, ":-)))");
}

TEST(Tokenizer, EmptyAndSymbolOnlyText) {
  EXPECT_TRUE(tokenize("").empty());
  EXPECT_TRUE(tokenize("  — * ~ %").empty());
}

TEST(Tokenizer, MaskedLettersStayInsideTheWord) {
  const auto tokens = tokenize("х**ня, f*ck *звездочка* 5*3");
  ASSERT_GE(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].text, "х**ня");
  EXPECT_EQ(tokens[2].text, "f*ck");
  EXPECT_EQ(tokens[3].text, "звездочка");
}

}  // namespace
}  // namespace vka::analysis
