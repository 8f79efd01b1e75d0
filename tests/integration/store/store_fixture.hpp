#pragma once
// A migrated SQLite store in a fresh temporary directory, and helpers to make tasks.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <string>

#include "domain/task.hpp"
#include "store/store.hpp"
#include "store/sqlite/connection.hpp"

namespace vka::store::testing {

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "vka-store-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline domain::Timestamp at(std::int64_t unix_seconds) { return domain::from_unix(unix_seconds); }

inline domain::Task make_task(std::string id, std::string owner, std::int64_t created_unix) {
  domain::Task task;
  task.id = std::move(id);
  task.owner = std::move(owner);
  task.created_at = at(created_unix);
  task.params.groups = {{std::int64_t{1}}, {std::string("apiclub")}};
  return task;
}

inline NewJob collect_job(domain::Timestamp when) { return NewJob{"collect", "{}", 0, when}; }

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = open_store(url());
    store_->migrate();
  }

  std::string db_path() const { return (dir_.path() / "test.db").string(); }
  std::string url() const { return "sqlite://" + db_path(); }

  // A second connection to the same file, for seeding rows no repository writes yet and for checks.
  std::unique_ptr<sqlite::Connection> raw() const { return std::make_unique<sqlite::Connection>(db_path(), 5000); }

  void create(const domain::Task& task) {
    store_->tasks().create(task, NewEvent{"task.created", "{}"}, collect_job(task.created_at));
  }

  std::int64_t count(const std::string& sql) {
    const auto c = raw();
    sqlite::Rows rows = c->query(sql);
    rows.next();
    return rows.int64(0);
  }

  std::string text_of(const std::string& sql) {
    const auto c = raw();
    sqlite::Rows rows = c->query(sql);
    rows.next();
    return rows.text(0);
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
};

}  // namespace vka::store::testing
