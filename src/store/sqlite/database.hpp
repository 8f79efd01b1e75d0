#pragma once
// One SQLite database file: a single writer connection (serialized by a mutex, every write in a
// BEGIN IMMEDIATE transaction) and a small pool of reader connections (each read in its own snapshot).
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <type_traits>
#include <vector>

#include "store/sqlite/connection.hpp"

namespace vka::store::sqlite {

class Database {
 public:
  Database(const std::string& path, int readers, int busy_timeout_ms);

  // Runs f(Connection&) in a write transaction: committed when f returns, rolled back when it throws.
  template <class F>
  decltype(auto) write(F&& f) {
    std::lock_guard lock(writer_mutex_);
    Connection& connection = open_writer();
    return in_transaction(connection, "BEGIN IMMEDIATE", f);
  }

  // Runs f(Connection&) in a read transaction, so that all its queries see one snapshot.
  template <class F>
  decltype(auto) read(F&& f) {
    ReaderLease lease(*this);
    return in_transaction(*lease.connection, "BEGIN", f);
  }

  // Closes every connection; readers in use close when they are returned. Later calls throw.
  void close();

 private:
  struct ReaderLease {
    explicit ReaderLease(Database& database);
    ReaderLease(const ReaderLease&) = delete;
    ReaderLease& operator=(const ReaderLease&) = delete;
    ~ReaderLease();
    Database& database;
    std::unique_ptr<Connection> connection;
  };

  template <class F>
  static decltype(auto) in_transaction(Connection& connection, const char* begin, F& f) {
    connection.execute(begin);
    try {
      if constexpr (std::is_void_v<decltype(f(connection))>) {
        f(connection);
        connection.execute("COMMIT");
      } else {
        auto result = f(connection);
        connection.execute("COMMIT");
        return result;
      }
    } catch (...) {
      rollback(connection);
      throw;
    }
  }

  static void rollback(Connection& connection) noexcept;
  Connection& open_writer();

  std::mutex writer_mutex_;
  std::unique_ptr<Connection> writer_;

  std::mutex readers_mutex_;
  std::condition_variable reader_returned_;
  std::vector<std::unique_ptr<Connection>> idle_readers_;
  bool closed_ = false;
};

}  // namespace vka::store::sqlite
