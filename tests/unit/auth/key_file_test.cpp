#include "auth/key_file.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <thread>
#include <vector>

namespace vka::auth {
namespace {

namespace fs = std::filesystem;

class KeyFile : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "vka-keyfile-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
  }
  void TearDown() override { fs::remove_all(root_); }

  static unsigned mode_of(const fs::path& p) {
    struct stat st {};
    EXPECT_EQ(::stat(p.c_str(), &st), 0);
    return st.st_mode & 07777;
  }
  static bool same(const SecretKey& a, const SecretKey& b) {
    return std::equal(a.bytes().begin(), a.bytes().end(), b.bytes().begin());
  }

  fs::path root_;
};

TEST_F(KeyFile, CreatesPrivateDirectoryAndFileOnFirstUse) {
  const auto dir = root_ / "nested" / "data";
  const auto key = load_or_create_secret_key(dir);
  ASSERT_TRUE(key.has_value()) << key.error();
  EXPECT_EQ(mode_of(dir), 0700u);
  EXPECT_EQ(mode_of(dir / "secret.key"), 0600u);
  EXPECT_EQ(fs::file_size(dir / "secret.key"), SecretKey::size);
  // No temporary files are left behind.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
}

TEST_F(KeyFile, TrailingSlashStillGivesAPrivateDirectory) {
  ASSERT_TRUE(load_or_create_secret_key(root_.string() + "/data/").has_value());
  EXPECT_EQ(mode_of(root_ / "data"), 0700u);
  EXPECT_EQ(mode_of(root_ / "data" / "secret.key"), 0600u);
}

TEST_F(KeyFile, LoadsTheSameKeyAgain) {
  const auto first = load_or_create_secret_key(root_ / "data");
  const auto second = load_or_create_secret_key(root_ / "data");
  ASSERT_TRUE(first.has_value() && second.has_value());
  EXPECT_TRUE(same(*first, *second));
}

TEST_F(KeyFile, ConcurrentFirstStartsAgreeOnOneKey) {
  std::vector<std::optional<SecretKey>> keys(8);
  std::vector<std::thread> threads;
  for (auto& slot : keys)
    threads.emplace_back([&slot, dir = root_ / "data"] {
      auto key = load_or_create_secret_key(dir);
      if (key) slot.emplace(std::move(key).value());
    });
  for (auto& t : threads) t.join();
  for (const auto& key : keys) {
    ASSERT_TRUE(key.has_value());
    EXPECT_TRUE(same(*key, *keys.front()));
  }
  EXPECT_EQ(std::distance(fs::directory_iterator(root_ / "data"), fs::directory_iterator()), 1);
}

TEST_F(KeyFile, DifferentDataDirsGetDifferentKeys) {
  const auto a = load_or_create_secret_key(root_ / "a");
  const auto b = load_or_create_secret_key(root_ / "b");
  ASSERT_TRUE(a.has_value() && b.has_value());
  EXPECT_FALSE(same(*a, *b));
}

TEST_F(KeyFile, RefusesAKeyOthersCanRead) {
  ASSERT_TRUE(load_or_create_secret_key(root_ / "data").has_value());
  fs::permissions(root_ / "data" / "secret.key", fs::perms(0644));
  const auto key = load_or_create_secret_key(root_ / "data");
  ASSERT_FALSE(key.has_value());
  EXPECT_NE(key.error().find("mode 0644"), std::string::npos) << key.error();
  EXPECT_NE(key.error().find("chmod 600"), std::string::npos) << key.error();
}

TEST_F(KeyFile, RefusesAFileOfTheWrongSize) {
  fs::create_directory(root_ / "data");
  const auto file = root_ / "data" / "secret.key";
  std::ofstream(file) << "not a key";
  fs::permissions(file, fs::perms(0600));
  const auto key = load_or_create_secret_key(root_ / "data");
  ASSERT_FALSE(key.has_value());
  EXPECT_NE(key.error().find("holds 9 bytes, expected 32"), std::string::npos) << key.error();
}

TEST_F(KeyFile, RefusesADataDirThatIsAFile) {
  std::ofstream(root_ / "plain") << "x";
  const auto key = load_or_create_secret_key(root_ / "plain");
  ASSERT_FALSE(key.has_value());
  EXPECT_NE(key.error().find("not a directory"), std::string::npos) << key.error();
}

TEST_F(KeyFile, LeavesAnExistingDirectoryModeAlone) {
  fs::create_directory(root_ / "data");
  fs::permissions(root_ / "data", fs::perms(0750));
  ASSERT_TRUE(load_or_create_secret_key(root_ / "data").has_value());
  EXPECT_EQ(mode_of(root_ / "data"), 0750u);
}

}  // namespace
}  // namespace vka::auth
