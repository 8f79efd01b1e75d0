#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "sim/execute_script.hpp"

namespace vka::sim {
namespace {

TEST(ExecuteScript, ParsesTheBatchFormClientsSend) {
  const auto script = parse_script(
      R"(return [API.wall.getComments({"owner_id":-12345,"post_id":7,"sort":"asc","text":"a\"b\\c\nd\u00e9\ud83d\ude00"}),)"
      R"(API.users.get({user_ids: [1, 2, 3], 'name_case': 'nom', "flag": true})];)");
  ASSERT_EQ(script.calls.size(), 2u);
  EXPECT_EQ(script.calls[0].method, "wall.getComments");
  const std::vector<std::pair<std::string, std::string>> first{
      {"owner_id", "-12345"}, {"post_id", "7"}, {"sort", "asc"}, {"text", "a\"b\\c\nd\xC3\xA9\xF0\x9F\x98\x80"}};
  EXPECT_EQ(script.calls[0].params, first);
  const std::vector<std::pair<std::string, std::string>> second{
      {"user_ids", "1,2,3"}, {"name_case", "nom"}, {"flag", "1"}};
  EXPECT_EQ(script.calls[1].params, second);
  std::vector<boost::json::value> results{boost::json::value(1), boost::json::value(false)};
  EXPECT_EQ(boost::json::serialize(evaluate(script.result, results)), "[1,false]");
}

TEST(ExecuteScript, ParsesLiteralProbesAndObjects) {
  std::vector<boost::json::value> none;
  EXPECT_EQ(boost::json::serialize(evaluate(parse_script("return 1;").result, none)), "1");
  EXPECT_EQ(boost::json::serialize(evaluate(parse_script("  return  -2.5 ").result, none)), "-2.5E0");
  EXPECT_EQ(boost::json::serialize(evaluate(parse_script("return {\"a\": [true, null], b: 'x'};").result, none)),
            R"({"a":[true,null],"b":"x"})");
  const auto script = parse_script("// probe\nreturn /* one */ API.users.get();");
  ASSERT_EQ(script.calls.size(), 1u);
  EXPECT_TRUE(script.calls[0].params.empty());
}

TEST(ExecuteScript, RejectsWhatItCannotCompile) {
  for (const char* code :
       {"", "1;", "returnx 1;", "return;", "return [1,;", "return [API.wall.get({\"a\":1})",
        "return API.wall.get({a:1,});", "return API.wall.get({a:API.users.get()});", "return \"unterminated;",
        "return \"bad \\q escape\";", "return \"\\ud83d\";", "var a = 1; return a;", "return 1; return 2;",
        "return Args.x;", "return 1 /* open", "return API.({});", "return 01x;"}) {
    EXPECT_THROW(parse_script(code), ScriptError) << code;
  }
  std::string deep = "return ";
  for (int i = 0; i < 100; ++i) deep += '[';
  EXPECT_THROW(parse_script(deep), ScriptError);
}

TEST(ExecuteScript, ErrorsNameThePosition) {
  try {
    parse_script("return [1, ?];");
    FAIL();
  } catch (const ScriptError& error) {
    EXPECT_STREQ(error.what(), "expected a value at character 12");
  }
}

}  // namespace
}  // namespace vka::sim
