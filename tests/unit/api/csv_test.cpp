#include <gtest/gtest.h>

#include "api/csv.hpp"

namespace vka::api {
namespace {

std::string field(std::string_view text) {
  std::string out;
  append_csv_field(out, text);
  return out;
}

TEST(CsvField, PlainTextIsLeftAlone) {
  EXPECT_EQ(field("apiclub"), "apiclub");
  EXPECT_EQ(field("-1_123"), "-1_123");
  EXPECT_EQ(field("Привет мир; tab\there"), "Привет мир; tab\there");
  EXPECT_EQ(field(""), "");
}

TEST(CsvField, QuotesFieldsWithSeparatorsQuotesOrLineBreaks) {
  EXPECT_EQ(field("a,b"), "\"a,b\"");
  EXPECT_EQ(field("line\nbreak"), "\"line\nbreak\"");
  EXPECT_EQ(field("cr\rhere"), "\"cr\rhere\"");
  EXPECT_EQ(field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(field("\""), "\"\"\"\"");
}

TEST(CsvField, CellsASpreadsheetWouldEvaluateStartWithAnApostrophe) {
  EXPECT_EQ(field("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(field("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
  EXPECT_EQ(field("-2+3+cmd"), "'-2+3+cmd");
  EXPECT_EQ(field("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(field("\t=1+1"), "'\t=1+1");
  EXPECT_EQ(field("\r=1+1"), "\"'\r=1+1\"");
  EXPECT_EQ(field("a=1"), "a=1");
}

TEST(CsvField, NumbersAndPostIdsStayExact) {
  EXPECT_EQ(field("-1"), "-1");
  EXPECT_EQ(field("-0.25"), "-0.25");
  EXPECT_EQ(field("+7"), "+7");
  EXPECT_EQ(field("-1_123"), "-1_123");
  EXPECT_EQ(field("-"), "-");
}

TEST(CsvRow, JoinsWithCommasAndEndsWithCrlf) {
  std::string out;
  append_csv_row(out, {"id", "text, with comma", ""});
  append_csv_row(out, {"1"});
  EXPECT_EQ(out, "id,\"text, with comma\",\r\n1\r\n");
}

TEST(CsvRow, SemicolonAndTabDelimitersQuoteTheirOwnDelimiterOnly) {
  std::string out;
  append_csv_row(out, {"a;b", "c,d", "e\tf"}, ';');
  EXPECT_EQ(out, "\"a;b\";c,d;e\tf\r\n");
  out.clear();
  append_csv_row(out, {"a;b", "c,d", "e\tf"}, '\t');
  EXPECT_EQ(out, "a;b\tc,d\t\"e\tf\"\r\n");
}

TEST(CsvField, FormulasGetALeadingApostropheWithAnyDelimiter) {
  std::string out;
  append_csv_row(out, {"=1+1", "-1_23", "@cmd;x"}, ';');
  EXPECT_EQ(out, "'=1+1;-1_23;\"'@cmd;x\"\r\n");
}

}  // namespace
}  // namespace vka::api
