#include <gtest/gtest.h>

#include "api/export_options.hpp"

namespace vka::api {
namespace {

TEST(ExportOptions, DefaultsAreCommaCsvWithoutBomInUtc) {
  const auto options = parse_export_options({});
  ASSERT_TRUE(options);
  EXPECT_EQ(options->format, ExportFormat::csv);
  EXPECT_EQ(options->delimiter, ',');
  EXPECT_FALSE(options->bom);
  EXPECT_EQ(options->zone.name(), "UTC");
}

TEST(ExportOptions, SemicolonTurnsTheBomOnUnlessAskedNotTo) {
  EXPECT_TRUE(parse_export_options({.delimiter = "semicolon"})->bom);
  EXPECT_FALSE(parse_export_options({.delimiter = "semicolon", .bom = "false"})->bom);
  EXPECT_TRUE(parse_export_options({.delimiter = "tab", .bom = "true"})->bom);
  EXPECT_EQ(parse_export_options({.delimiter = "tab"})->delimiter, '\t');
}

TEST(ExportOptions, FormatAndZone) {
  const auto options = parse_export_options({.format = "xlsx", .tz = "Europe/Moscow"});
  ASSERT_TRUE(options);
  EXPECT_EQ(options->format, ExportFormat::xlsx);
  EXPECT_EQ(options->zone.name(), "Europe/Moscow");
  EXPECT_EQ(file_extension(options->format), "xlsx");
}

TEST(ExportOptions, EachBadValueNamesItsParameter) {
  EXPECT_EQ(parse_export_options({.format = "xls"}).error().field, "format");
  EXPECT_EQ(parse_export_options({.delimiter = ";"}).error().field, "delimiter");
  EXPECT_EQ(parse_export_options({.bom = "yes"}).error().field, "bom");
  EXPECT_EQ(parse_export_options({.tz = "Mars/Olympus"}).error().field, "tz");
}

}  // namespace
}  // namespace vka::api
