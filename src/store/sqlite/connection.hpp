#pragma once
// RAII over sqlite3 and its prepared statements: one connection, used by one thread at a time, with a cache
// of prepared statements keyed by SQL text. All binding and stepping goes through Rows.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "domain/time.hpp"
#include "store/blob.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace vka::store::sqlite {

class Connection;

// One use of a cached statement: binds the arguments, steps through the result, and resets the statement
// when it goes out of scope.
class Rows {
 public:
  Rows(Rows&& other) noexcept;
  Rows(const Rows&) = delete;
  Rows& operator=(const Rows&) = delete;
  Rows& operator=(Rows&&) = delete;
  ~Rows();

  // Steps to the next row; false when there is none.
  bool next();

  bool is_null(int column) const;
  std::int64_t int64(int column) const;
  std::optional<std::int64_t> opt_int64(int column) const;
  double real(int column) const;
  std::optional<double> opt_real(int column) const;
  bool boolean(int column) const { return int64(column) != 0; }
  std::string text(int column) const;
  std::optional<std::string> opt_text(int column) const;
  std::string blob(int column) const;
  domain::Timestamp time(int column) const;
  std::optional<domain::Timestamp> opt_time(int column) const;

 private:
  friend class Connection;
  Rows(Connection& connection, sqlite3_stmt* stmt, bool& in_use);

  Connection* connection_;
  sqlite3_stmt* stmt_;
  bool* in_use_;
};

class Connection {
 public:
  // Opens (creating if missing) with WAL, foreign keys, synchronous=NORMAL and a busy timeout.
  Connection(const std::string& path, int busy_timeout_ms);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // Runs statements that take no parameters, e.g. a migration script.
  void exec_script(std::string_view sql);
  // Ends the open transaction without its changes; never throws.
  void rollback() noexcept;

  // Notes that the open transaction added a task event or an audit entry, for the change watchers of this
  // process (Store::watch_changes); take_change says so once, after the commit. A rollback forgets it.
  void announce_change() { change_noted_ = true; }
  bool take_change() { return std::exchange(change_noted_, false); }

  template <class... Args>
  Rows query(std::string_view sql, const Args&... args) {
    Rows rows = start(sql);
    int index = 0;
    (bind(rows.stmt_, ++index, args), ...);
    return rows;
  }

  // Runs a statement to completion; returns how many rows it changed.
  template <class... Args>
  std::int64_t execute(std::string_view sql, const Args&... args) {
    Rows rows = query(sql, args...);
    while (rows.next()) {}
    return changes();
  }

  // A statement whose result nobody reads. PostgreSQL's connection sends these without waiting; SQLite runs
  // in this process, so it simply runs it.
  template <class... Args>
  void execute_later(std::string_view sql, const Args&... args) {
    execute(sql, args...);
  }

 private:
  friend class Rows;
  struct Cached;

  Rows start(std::string_view sql);
  std::int64_t changes() const;
  [[noreturn]] void fail(int rc, std::string_view what, sqlite3_stmt* stmt) const;

  void bind(sqlite3_stmt* stmt, int index, std::int64_t value);
  void bind(sqlite3_stmt* stmt, int index, int value) { bind(stmt, index, static_cast<std::int64_t>(value)); }
  void bind(sqlite3_stmt* stmt, int index, bool value) { bind(stmt, index, static_cast<std::int64_t>(value)); }
  void bind(sqlite3_stmt* stmt, int index, double value);
  void bind(sqlite3_stmt* stmt, int index, std::string_view value);
  void bind(sqlite3_stmt* stmt, int index, const std::string& value) { bind(stmt, index, std::string_view(value)); }
  void bind(sqlite3_stmt* stmt, int index, const char* value) { bind(stmt, index, std::string_view(value)); }
  void bind(sqlite3_stmt* stmt, int index, Blob value);
  void bind(sqlite3_stmt* stmt, int index, domain::Timestamp value) { bind(stmt, index, domain::to_unix(value)); }
  void bind(sqlite3_stmt* stmt, int index, std::nullopt_t);
  template <class T>
  void bind(sqlite3_stmt* stmt, int index, const std::optional<T>& value) {
    if (value)
      bind(stmt, index, *value);
    else
      bind(stmt, index, std::nullopt);
  }

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, std::unique_ptr<Cached>> cache_;
  bool change_noted_ = false;
};

}  // namespace vka::store::sqlite
