#include "api/account_input.hpp"

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>

#include "error_matchers.hpp"

namespace vka::api {
namespace {

using testing::api_error_of;
using testing::fields_of;

boost::json::object json(std::string_view text) { return boost::json::parse(text).as_object(); }

TEST(AccountInput, UsernamesAreLowerCasedAndChecked) {
  EXPECT_EQ(normalize_username("Ann.Lee_2-x"), "ann.lee_2-x");
  EXPECT_FALSE(normalize_username("an"));
  EXPECT_FALSE(normalize_username(std::string(65, 'a')));
  EXPECT_FALSE(normalize_username("ann lee"));
  EXPECT_FALSE(normalize_username("анна"));
}

TEST(AccountInput, NewUserNamesEveryProblemAndNeverQuotesThePassword) {
  const auto error =
      api_error_of([] { parse_new_user(json(R"({"username": "x", "password": "qwertyuiop", "role": "boss"})")); });
  EXPECT_EQ(error.status(), 400);
  EXPECT_EQ(fields_of(error), (std::vector<std::string>{"username", "password", "role"}));
  for (const auto& detail : error.details()) EXPECT_EQ(detail.problem.find("qwertyuiop"), std::string::npos);
}

TEST(AccountInput, NewUserDefaults) {
  const auto input =
      parse_new_user(json(R"({"username": "Ann", "password": "correct horse battery", "role": "viewer"})"));
  EXPECT_EQ(input.username, "ann");
  EXPECT_EQ(input.display_name, "ann");
  EXPECT_EQ(input.role, domain::Role::viewer);
  EXPECT_FALSE(input.must_change_password);
}

TEST(AccountInput, UserChangesTakeOnlyWhatIsGiven) {
  const auto changes = parse_user_changes(json(R"({"disabled": true})"));
  EXPECT_EQ(changes.disabled, true);
  EXPECT_FALSE(changes.role || changes.display_name || changes.password || changes.must_change_password);
  EXPECT_EQ(fields_of(api_error_of([] { parse_user_changes(json(R"({"password": "short"})")); })),
            (std::vector<std::string>{"password"}));
}

TEST(AccountInput, ApiKeysNeedANameAndAFutureExpiry) {
  const auto now = domain::from_unix(1'800'000'000);
  EXPECT_EQ(fields_of(api_error_of([&] { parse_new_api_key(json(R"({"name": null})"), now); })),
            (std::vector<std::string>{"name"}));
  EXPECT_EQ(fields_of(api_error_of(
                [&] { parse_new_api_key(json(R"({"name": "ci", "expires_at": "2020-01-01T00:00:00Z"})"), now); })),
            (std::vector<std::string>{"expires_at"}));
  const auto input =
      parse_new_api_key(json(R"({"name": "ci", "role": "viewer", "expires_at": "2030-01-01T00:00:00Z"})"), now);
  EXPECT_EQ(input.role, domain::Role::viewer);
  EXPECT_EQ(input.expires_at, domain::parse_rfc3339("2030-01-01T00:00:00Z"));
}

TEST(AccountInput, LoginLowerCasesTheUsernameOnly) {
  const auto input = parse_login(json(R"({"username": "ANN", "password": "PassWord"})"));
  EXPECT_EQ(input.username, "ann");
  EXPECT_EQ(input.password, "PassWord");
  EXPECT_EQ(fields_of(api_error_of([] { parse_login(json(R"({"username": 1})")); })),
            (std::vector<std::string>{"username", "password"}));
}

}  // namespace
}  // namespace vka::api
