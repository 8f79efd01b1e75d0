#include "auth/password_policy.hpp"

#include <gtest/gtest.h>

namespace vka::auth {
namespace {

TEST(PasswordPolicy, LengthIsCountedInCharacters) {
  EXPECT_TRUE(password_problem("short9chr"));
  EXPECT_FALSE(password_problem("ten chars!"));
  EXPECT_FALSE(password_problem("пароль-тут")) << "10 Cyrillic characters are 20 bytes, and enough";
  EXPECT_TRUE(password_problem("пароль123")) << "9 characters even though 15 bytes";
  EXPECT_FALSE(password_problem(std::string(256, 'x')));
  EXPECT_TRUE(password_problem(std::string(257, 'x')));
}

TEST(PasswordPolicy, CommonPasswordsAreRefusedWhateverTheirCase) {
  for (const auto* common : {"1234567890", "qwertyuiop", "QwErTyUiOp", "Basketball"}) {
    const auto problem = password_problem(common);
    ASSERT_TRUE(problem) << common;
    EXPECT_NE(problem->find("common"), std::string::npos);
    EXPECT_EQ(problem->find(common), std::string::npos) << "never quotes the password";
  }
  EXPECT_FALSE(password_problem("correct horse battery staple"));
}

}  // namespace
}  // namespace vka::auth
