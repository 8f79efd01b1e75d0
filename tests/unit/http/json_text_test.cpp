#include <gtest/gtest.h>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <limits>

#include "http/json_text.hpp"

namespace vka::http {
namespace {

TEST(JsonText, WritesScoresAsPlainDecimals) {
  EXPECT_EQ(to_json_text(-0.612), "-0.612");
  EXPECT_EQ(to_json_text(0.0), "0");
  EXPECT_EQ(to_json_text(-0.0), "0");
  EXPECT_EQ(to_json_text(1.0), "1");
  EXPECT_EQ(to_json_text(0.001), "0.001");
  EXPECT_EQ(to_json_text(1234.5678), "1234.5678");
}

TEST(JsonText, WritesEveryOtherValueAsBoostDoes) {
  const auto value = boost::json::parse(
      R"({"text":"«котик» \"q\"\n\u0001","n":-7,"big":18446744073709551615,"b":true,"none":null,"list":[1,"a",[]],"o":{}})");
  EXPECT_EQ(to_json_text(value), boost::json::serialize(value));
}

TEST(JsonText, NumbersInsideContainersAreDecimalAndReadBackExactly) {
  const boost::json::value value{{"scores", {-0.612, 0.0, 0.5}}, {"nested", {{"score", 0.1 + 0.2}}}};
  const auto text = to_json_text(value);
  EXPECT_EQ(text, R"({"scores":[-0.612,0,0.5],"nested":{"score":0.30000000000000004}})");
  const auto back = boost::json::parse(text);
  EXPECT_EQ(back.at("scores").at(0).as_double(), -0.612);
  EXPECT_EQ(back.at("scores").at(1).to_number<double>(), 0.0);  // "0" reads back as the integer zero
  EXPECT_EQ(back.at("nested").at("score").as_double(), 0.1 + 0.2);
}

TEST(JsonText, ExtremeMagnitudesStayValidJson) {
  EXPECT_EQ(boost::json::parse(to_json_text(1e-9)).as_double(), 1e-9);
  EXPECT_EQ(boost::json::parse(to_json_text(1e300)).as_double(), 1e300);
  EXPECT_EQ(to_json_text(std::numeric_limits<double>::quiet_NaN()), "null");
}

}  // namespace
}  // namespace vka::http
