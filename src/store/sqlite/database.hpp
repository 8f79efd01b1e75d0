#pragma once
// One SQLite database file: a single writer connection (serialized by a mutex, every write in a
// BEGIN IMMEDIATE transaction) and a small pool of reader connections (each read in its own snapshot).
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/change_broadcast.hpp"
#include "store/sql/transaction.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/dialect.hpp"

namespace vka::store::sqlite {

class Database {
 public:
  using Connection = sqlite::Connection;
  using Dialect = sqlite::Dialect;

  Database(const std::string& path, int readers, int busy_timeout_ms);

  // Runs f(Connection&) in a write transaction: committed when f returns, rolled back when it throws.
  // Called from inside another write on the same thread, f joins that transaction (Store::write_together).
  // A commit that announced a change (Dialect::announce_change) is broadcast to changes().
  template <class F>
  decltype(auto) write(F&& f) {
    if (Connection* open = sql::OpenWrite<Connection>::on(this)) return f(*open);
    std::lock_guard lock(writer_mutex_);
    const BroadcastAfterCommit broadcast{*this};
    auto joinable = sql::joining<Connection>(this, f);
    return sql::in_transaction(open_writer(), "BEGIN IMMEDIATE", joinable);
  }

  // Runs f(Connection&) in a read transaction, so that all its queries see one snapshot.
  template <class F>
  decltype(auto) read(F&& f) {
    ReaderLease lease(*this);
    return sql::in_transaction(*lease.connection, "BEGIN", f);
  }

  // Runs f(Connection&), which reads with one statement: a statement sees one snapshot by itself.
  template <class F>
  decltype(auto) read_statement(F&& f) {
    ReaderLease lease(*this);
    return f(*lease.connection);
  }

  // Closes every connection; readers in use close when they are returned. Later calls throw.
  void close();

  ChangeBroadcast& changes() { return changes_; }

 private:
  // Ends with the write: by then its transaction has committed, or rolled back and so noted no change.
  struct BroadcastAfterCommit {
    Database& database;
    ~BroadcastAfterCommit() {
      if (database.writer_ && database.writer_->take_change()) database.changes_.announce();
    }
  };

  struct ReaderLease {
    explicit ReaderLease(Database& database);
    ReaderLease(const ReaderLease&) = delete;
    ReaderLease& operator=(const ReaderLease&) = delete;
    ~ReaderLease();
    Database& database;
    std::unique_ptr<Connection> connection;
  };

  Connection& open_writer();

  std::mutex writer_mutex_;
  std::unique_ptr<Connection> writer_;
  ChangeBroadcast changes_;

  std::mutex readers_mutex_;
  std::condition_variable reader_returned_;
  std::vector<std::unique_ptr<Connection>> idle_readers_;
  bool closed_ = false;
};

}  // namespace vka::store::sqlite
