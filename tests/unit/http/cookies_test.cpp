#include "http/cookies.hpp"

#include <gtest/gtest.h>

namespace vka::http {
namespace {

Request with_cookies(std::initializer_list<std::string> fields) {
  Request request;
  for (const auto& field : fields) request.headers.add("Cookie", field);
  return request;
}

TEST(Cookies, FindsTheNamedCookieAmongOthers) {
  EXPECT_EQ(cookie(with_cookies({"a=1; vka_session=abc; b=2"}), "vka_session"), "abc");
  EXPECT_EQ(cookie(with_cookies({"vka_session=abc"}), "vka_session"), "abc");
  EXPECT_EQ(cookie(with_cookies({"a=1", " vka_session = x=y "}), "vka_session"), "x=y");
}

TEST(Cookies, AbsentOrOnlySimilarNamesAreNothing) {
  EXPECT_FALSE(cookie(with_cookies({}), "vka_session"));
  EXPECT_FALSE(cookie(with_cookies({"vka_session_old=1; xvka_session=2"}), "vka_session"));
  EXPECT_FALSE(cookie(with_cookies({"vka_session"}), "vka_session"));
  EXPECT_EQ(cookie(with_cookies({"vka_session="}), "vka_session"), "");
}

}  // namespace
}  // namespace vka::http
