#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "http/api_error.hpp"
#include "http/query_names.hpp"

namespace vka::http {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

ApiError refusal(std::string_view query, const std::vector<std::string>& allowed) {
  try {
    check_query_names(query, allowed);
  } catch (const ApiError& error) {
    return error;
  }
  ADD_FAILURE() << "expected a refusal of " << query;
  return ApiError{0, "none", "none"};
}

TEST(QueryNames, AcceptsTheDeclaredOnes) {
  EXPECT_NO_THROW(check_query_names("", {}));
  EXPECT_NO_THROW(check_query_names("sentiment=negative&limit=5", {"limit", "sentiment"}));
  EXPECT_NO_THROW(check_query_names("limit", {"limit"}));
  EXPECT_NO_THROW(check_query_names("&=x&limit=1", {"limit"}));  // empty names are skipped, as QueryParams does
}

TEST(QueryNames, RefusesAMistypedOneNamingItAndTheAllowedOnes) {
  const auto error = refusal("sentimnet=negative&limit=5", {"sentiment", "limit"});
  EXPECT_EQ(error.status(), 400);
  EXPECT_EQ(error.code(), "validation_failed");
  EXPECT_THAT(error.what(), HasSubstr("sentiment, limit"));
  ASSERT_EQ(error.details().size(), 1u);
  EXPECT_EQ(error.details()[0].field, "sentimnet");
  EXPECT_THAT(error.details()[0].problem, HasSubstr("allowed: sentiment, limit"));
}

TEST(QueryNames, NamesEveryUnknownOneDecoded) {
  const auto error = refusal("a=1&b%20c=2&limit=3", {"limit"});
  std::vector<std::string> fields;
  for (const auto& detail : error.details()) fields.push_back(detail.field);
  EXPECT_THAT(fields, ElementsAre("a", "b c"));
}

TEST(QueryNames, ARouteThatTakesNoneSaysSo) {
  const auto error = refusal("x=1", {});
  EXPECT_THAT(error.what(), HasSubstr("takes no query parameters"));
}

}  // namespace
}  // namespace vka::http
