#pragma once
// A fresh, empty database for one test, on either engine: a file in a temporary directory (SQLite), or a
// database created on the server that VKA_TEST_DATABASE_URL names and dropped afterwards (PostgreSQL; see
// scripts/with-postgres). Raw statements for seeding and checks take SQLite-style ?N parameters on both.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <random>
#include <regex>
#include <string>
#include <vector>

#include "store/postgres/connection.hpp"
#include "store/sqlite/connection.hpp"

namespace vka::store::testing {

enum class Engine { sqlite, postgres };

inline auto engines() { return ::testing::Values(Engine::sqlite, Engine::postgres); }

inline std::string engine_name(const ::testing::TestParamInfo<Engine>& info) {
  return info.param == Engine::sqlite ? "sqlite" : "postgres";
}

// The server's URL, or nullopt when no PostgreSQL server is given.
inline std::optional<std::string> postgres_server() {
  const char* url = std::getenv("VKA_TEST_DATABASE_URL");
  if (!url || !*url) return std::nullopt;
  return std::string(url);
}

// server_url with its database name replaced by name.
inline std::string with_database(const std::string& server_url, const std::string& name) {
  const auto authority = server_url.find("://") + 3;
  const auto query = server_url.find('?', authority);
  const auto slash = server_url.find('/', authority);
  const auto path_end = query == std::string::npos ? server_url.size() : query;
  if (slash == std::string::npos || slash > path_end)
    return server_url.substr(0, path_end) + "/" + name + server_url.substr(path_end);
  return server_url.substr(0, slash + 1) + name + server_url.substr(path_end);
}

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

class TestDatabase {
 public:
  // For postgres, call only when postgres_server() has a value.
  explicit TestDatabase(Engine engine) : engine_(engine) {
    if (engine == Engine::sqlite) {
      dir_ = std::make_unique<TempDir>();
      url_ = "sqlite://" + (dir_->path() / "test.db").string();
      return;
    }
    std::random_device random;
    name_ = "vka_test_" + std::to_string(random()) + std::to_string(random());
    postgres::Connection(*postgres_server()).exec_script("CREATE DATABASE " + name_);
    url_ = with_database(*postgres_server(), name_);
  }
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;
  // Every store on the database must be closed or destroyed first.
  ~TestDatabase() {
    if (engine_ == Engine::postgres)
      postgres::Connection(*postgres_server()).exec_script("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  }

  Engine engine() const { return engine_; }
  const std::string& url() const { return url_; }
  // The PostgreSQL database's name.
  const std::string& name() const { return name_; }

  // Runs sql on a connection of its own.
  template <class... Args>
  void execute(const std::string& sql, const Args&... args) {
    if (engine_ == Engine::sqlite)
      sqlite_connection().execute(sql, args...);
    else
      postgres_connection().execute(postgres_sql(sql), args...);
  }

  // Runs statements that take no parameters.
  void exec_script(const std::string& sql) {
    if (engine_ == Engine::sqlite)
      sqlite_connection().exec_script(sql);
    else
      postgres_connection().exec_script(sql);
  }

  // The first column of every row, as text (NULL as nullopt).
  template <class... Args>
  std::vector<std::optional<std::string>> column(const std::string& sql, const Args&... args) {
    std::vector<std::optional<std::string>> values;
    if (engine_ == Engine::sqlite) {
      sqlite::Rows rows = sqlite_connection().query(sql, args...);
      while (rows.next()) values.push_back(rows.opt_text(0));
    } else {
      postgres::Rows rows = postgres_connection().query(postgres_sql(sql), args...);
      while (rows.next()) values.push_back(rows.opt_text(0));
    }
    return values;
  }

 private:
  static std::string postgres_sql(const std::string& sql) {
    return std::regex_replace(sql, std::regex(R"(\?(\d+))"), "$$$1");
  }

  sqlite::Connection& sqlite_connection() {
    if (!sqlite_) sqlite_ = std::make_unique<sqlite::Connection>(url_.substr(std::string("sqlite://").size()), 5000);
    return *sqlite_;
  }
  postgres::Connection& postgres_connection() {
    if (!postgres_) postgres_ = std::make_unique<postgres::Connection>(url_);
    return *postgres_;
  }

  Engine engine_;
  std::unique_ptr<TempDir> dir_;
  std::string name_;
  std::string url_;
  std::unique_ptr<sqlite::Connection> sqlite_;
  std::unique_ptr<postgres::Connection> postgres_;
};

}  // namespace vka::store::testing
