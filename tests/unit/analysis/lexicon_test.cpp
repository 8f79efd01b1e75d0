#include "analysis/lexicon.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "analysis/stemmer.hpp"

namespace vka::analysis {
namespace {

std::string merge_error(std::string_view text) {
  Lexicon lexicon;
  const auto error = lexicon.merge_text(text, "user.txt");
  return error ? error->message : "";
}

TEST(Lexicon, BuiltinIsLarge) {
  const Lexicon lexicon = Lexicon::load_builtin();
  EXPECT_GT(lexicon.size(), 600u);
  const TermEntry* good = lexicon.find_term(stem("хорошая"));
  ASSERT_NE(good, nullptr);
  EXPECT_EQ(good->role, TermRole::valence);
  EXPECT_GT(good->value, 0);
  ASSERT_NE(lexicon.find_term("не"), nullptr);
  EXPECT_EQ(lexicon.find_term("не")->role, TermRole::negator);
  EXPECT_EQ(lexicon.find_symbol(":)"), 1.5);
  EXPECT_LT(lexicon.find_symbol("👎").value_or(0), 0);
}

TEST(Lexicon, PrefixPatternsMatchTheLongestPrefix) {
  Lexicon lexicon;
  ASSERT_FALSE(lexicon.merge_text("[words]\nужас*\t-3\nужасающе*\t-4\n", "t"));
  ASSERT_NE(lexicon.find_prefix("ужасно"), nullptr);
  EXPECT_EQ(lexicon.find_prefix("ужасно")->value, -3);
  EXPECT_EQ(lexicon.find_prefix("ужасающему")->value, -4);
  EXPECT_EQ(lexicon.find_prefix("уж"), nullptr);
}

TEST(Lexicon, ExactFormsAndRhetoricalMarkers) {
  Lexicon lexicon;
  ASSERT_FALSE(lexicon.merge_text("[words]\n=Верните\t-1.5\n[rhetorical]\nвообще\t-1.5\n", "t"));
  ASSERT_NE(lexicon.find_exact("верните"), nullptr);
  EXPECT_EQ(lexicon.find_exact("вернуть"), nullptr);
  EXPECT_EQ(lexicon.find_term(stem("верните")), nullptr);
  ASSERT_NE(lexicon.find_term(stem("вообще")), nullptr);
  EXPECT_EQ(lexicon.find_term(stem("вообще"))->role, TermRole::rhetorical);
  EXPECT_EQ(merge_error("[words]\n=два слова\t-1"),
            "user.txt:2: exact form '=два слова' must be '=' followed by one word");
}

TEST(Lexicon, MaskedWordsFindTheLongestMatchingForm) {
  Lexicon lexicon;
  ASSERT_FALSE(lexicon.merge_text("[words]\nхуйня\t-3\nблять\t-1\nпизд*\t-2.5\nпиздато\t2\n", "t"));
  ASSERT_NE(lexicon.find_masked("х**ня"), nullptr);
  EXPECT_EQ(lexicon.find_masked("х**ня")->value, -3);
  EXPECT_EQ(lexicon.find_masked("х*ня")->value, -3);  // one star may hide two letters
  EXPECT_EQ(lexicon.find_masked("бл*ть")->value, -1);
  EXPECT_EQ(lexicon.find_masked("п***ец")->value, -2.5);  // through the prefix pattern
  EXPECT_EQ(lexicon.find_masked("п**дато")->value, 2);    // the longer form wins
  EXPECT_EQ(lexicon.find_masked("к***т"), nullptr);
}

TEST(Lexicon, PhrasesAreStemmed) {
  Lexicon lexicon;
  ASSERT_FALSE(lexicon.merge_text("[words]\nтак себе\t-1.5\n", "t"));
  EXPECT_EQ(lexicon.max_phrase_words(), 2u);
  ASSERT_NE(lexicon.find_term(stem("так") + " " + stem("себе")), nullptr);
}

TEST(Lexicon, MergeOverridesValueAndRole) {
  Lexicon lexicon = Lexicon::load_builtin();
  ASSERT_FALSE(lexicon.merge_text("# user\n[words]\nкласс\t-1\nочень\t0.5\n[emoji]\n😂\t-2\n", "user.txt"));
  EXPECT_EQ(lexicon.find_term(stem("класс"))->value, -1);
  EXPECT_EQ(lexicon.find_term(stem("очень"))->role, TermRole::valence);
  EXPECT_EQ(lexicon.find_symbol("😂"), -2);
}

TEST(Lexicon, BadFileChangesNothing) {
  Lexicon lexicon;
  EXPECT_TRUE(lexicon.merge_text("[words]\nкласс\t2\nплохо\tочень\n", "user.txt"));
  EXPECT_EQ(lexicon.size(), 0u);
}

TEST(Lexicon, PreciseErrors) {
  EXPECT_EQ(merge_error("хорошо\t2"), "user.txt:1: entry before any [section] header");
  EXPECT_EQ(merge_error("\n[feelings]"),
            "user.txt:2: unknown section [feelings] (expected words, rhetorical, intensifiers, diminishers, negators, "
            "contrast, emoji or emoticons)");
  EXPECT_EQ(merge_error("[words]\nхорошо 2"), "user.txt:2: expected '<term><TAB><number>', found no tab");
  EXPECT_EQ(merge_error("[words]\nхорошо\tabc"), "user.txt:2: 'abc' is not a number");
  EXPECT_EQ(merge_error("[words]\nхорошо\t2x"), "user.txt:2: '2x' is not a number");
  EXPECT_EQ(merge_error("[words]\nхорошо\t5"), "user.txt:2: value 5 is outside [-4, 4]");
  EXPECT_EQ(merge_error("[intensifiers]\nочень\t0.5"),
            "user.txt:2: value 0.5 is outside (1, 4] for an intensifier multiplier");
  EXPECT_EQ(merge_error("[diminishers]\nчуть\t1.5"),
            "user.txt:2: value 1.5 is outside (0, 1) for a diminisher multiplier");
  EXPECT_EQ(merge_error("[negators]\nне\t1"), "user.txt:2: entries of this section take no value, found '1'");
  EXPECT_EQ(merge_error("[words]\nхорошо\t2\nхороший\t1"),
            "user.txt:3: 'хороший' normalizes to 'хорош', already given a different meaning on line 2 (value 2)");
  EXPECT_EQ(merge_error("[words]\nху*\t1"), "user.txt:2: prefix pattern 'ху*' needs at least 3 letters before '*'");
  EXPECT_EQ(merge_error("[negators]\nнеxx*"), "user.txt:2: prefix patterns ('…*') are allowed only in [words]");
  EXPECT_EQ(merge_error("[words]\nраз два три четыре\t1"),
            "user.txt:2: 'раз два три четыре' is not a word or a phrase of up to 3 words");
  EXPECT_EQ(merge_error("[words]\n:)\t1"), "user.txt:2: ':)' is not a word or a phrase of up to 3 words");
  EXPECT_EQ(merge_error("[emoji]\nabc\t1"), "user.txt:2: 'abc' is not a single emoji");
  EXPECT_EQ(merge_error("[emoticons]\n👍\t1"), "user.txt:2: '👍' is not a single emoticon");
  EXPECT_EQ(merge_error("[words]\nхор\xFFошо\t1"), "user.txt:2: invalid UTF-8");
}

TEST(Lexicon, SameMeaningMayRepeatUnderOneStem) { EXPECT_EQ(merge_error("[words]\nхорошо\t2\r\nхороший\t2\r\n"), ""); }

TEST(Lexicon, MergeFile) {
  const auto path = std::filesystem::temp_directory_path() / "vka_lexicon_test_user.txt";
  {
    std::ofstream out(path, std::ios::binary);
    out << "[words]\nкотик\t2\nпёсик\n";
  }
  Lexicon lexicon;
  const auto error = lexicon.merge_file(path);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->message, path.string() + ":3: expected '<term><TAB><number>', found no tab");
  {
    std::ofstream out(path, std::ios::binary);
    out << "[words]\nкотик\t2\n";
  }
  EXPECT_FALSE(lexicon.merge_file(path));
  EXPECT_EQ(lexicon.find_term(stem("котики"))->value, 2);
  std::filesystem::remove(path);
}

TEST(Lexicon, MissingFile) {
  Lexicon lexicon;
  const auto error = lexicon.merge_file("/nonexistent/lexicon.txt");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->message, "/nonexistent/lexicon.txt: cannot read: No such file or directory");
}

}  // namespace
}  // namespace vka::analysis
