#include <gtest/gtest.h>

#include "store/database_url.hpp"
#include "store/error.hpp"

namespace vka::store {
namespace {

StoreErrorKind failure_kind(std::string_view url) {
  try {
    parse_database_url(url);
  } catch (const StoreError& e) {
    EXPECT_EQ(std::string(e.what()).find("hunter2"), std::string::npos);
    return e.kind();
  }
  ADD_FAILURE() << "no error for " << url;
  return StoreErrorKind::internal;
}

TEST(DatabaseUrl, SqliteRelativeAndAbsolutePaths) {
  EXPECT_EQ(parse_database_url("sqlite://./vk-analytics.db"), DatabaseLocation(SqliteLocation{"./vk-analytics.db"}));
  EXPECT_EQ(parse_database_url("sqlite:///var/lib/vka/db.sqlite"),
            DatabaseLocation(SqliteLocation{"/var/lib/vka/db.sqlite"}));
}

TEST(DatabaseUrl, PostgresKeepsTheWholeUrl) {
  EXPECT_EQ(parse_database_url("postgresql://u:p@h/db"), DatabaseLocation(PostgresLocation{"postgresql://u:p@h/db"}));
  EXPECT_EQ(parse_database_url("postgres://h/db"), DatabaseLocation(PostgresLocation{"postgres://h/db"}));
}

TEST(DatabaseUrl, RejectsWhatItCannotOpen) {
  EXPECT_EQ(failure_kind("sqlite://"), StoreErrorKind::invalid_url);
  EXPECT_EQ(failure_kind("sqlite://:memory:"), StoreErrorKind::invalid_url);
  EXPECT_EQ(failure_kind("sqlite://file:x.db?mode=ro"), StoreErrorKind::invalid_url);
  EXPECT_EQ(failure_kind(std::string_view("sqlite://a\0b", 12)), StoreErrorKind::invalid_url);
  EXPECT_EQ(failure_kind("mysql://root:hunter2@h/db"), StoreErrorKind::invalid_url);
  EXPECT_EQ(failure_kind("./vk-analytics.db"), StoreErrorKind::invalid_url);
  EXPECT_EQ(failure_kind(""), StoreErrorKind::invalid_url);
}

}  // namespace
}  // namespace vka::store
