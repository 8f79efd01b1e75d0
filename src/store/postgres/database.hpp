#pragma once
// A small pool of connections to one PostgreSQL database, and transactions on them. A connection found
// broken is dropped, never reused; new ones are opened on demand, and after a failed attempt the next one
// waits out an exponential backoff, during which calls fail fast with StoreError(unavailable).
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/error.hpp"
#include "store/postgres/connection.hpp"
#include "store/postgres/dialect.hpp"
#include "store/sql/transaction.hpp"

namespace vka::store::postgres {

class Database {
 public:
  using Connection = postgres::Connection;
  using Dialect = postgres::Dialect;

  // Opens the first connection at once, so that a wrong URL or a server that is down shows at start.
  Database(std::string url, int max_connections);

  // Runs f(Connection&) in a read-committed write transaction: committed when f returns, rolled back when it
  // throws. Writes that must stay consistent lock the rows they depend on (see sql/lease_fence.hpp). Called from
  // inside another write on the same thread, f joins that transaction (Store::write_together).
  template <class F>
  decltype(auto) write(F&& f) {
    if (Connection* open = sql::OpenWrite<Connection>::on(this)) return f(*open);
    auto joinable = sql::joining<Connection>(this, f);
    return transaction("BEGIN", joinable);
  }

  // Runs f(Connection&) in a read-only snapshot, so that all its queries see one state of the database.
  template <class F>
  decltype(auto) read(F&& f) {
    return transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", f);
  }

  // Runs f(Connection&), which reads with one statement: a statement sees one state of the database by
  // itself, so no transaction is opened around it (one round trip instead of three). f runs again on another
  // connection when the leased one turns out broken (a server restart): it changed nothing.
  template <class F>
  decltype(auto) read_statement(F&& f) {
    for (int attempt = 0;; ++attempt) {
      Lease lease(*this);
      try {
        return f(*lease.connection);
      } catch (const StoreError&) {
        if (!lease.connection->broken() || attempt >= max_connections_) throw;
      }
    }
  }

  // Runs f(Connection&) outside any transaction.
  template <class F>
  decltype(auto) session(F&& f) {
    Lease lease(*this);
    return f(*lease.connection);
  }

  // Closes every connection; those in use close when they are returned. Later calls throw.
  void close();

 private:
  struct Lease {
    explicit Lease(Database& database);
    Lease(Lease&& other) noexcept = default;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Database* database;
    std::unique_ptr<Connection> connection;
  };

  template <class F>
  decltype(auto) transaction(const char* begin, F& f) {
    Lease lease = begin_transaction(begin);
    return sql::committed(*lease.connection, f);
  }

  // A leased connection inside a fresh transaction. An idle connection whose server session ended (a
  // restart, an idle timeout) fails at BEGIN, before anything ran, so another is tried in its place.
  Lease begin_transaction(const char* begin);
  std::unique_ptr<Connection> acquire();
  void give_back(std::unique_ptr<Connection> connection);

  const std::string url_;
  const int max_connections_;

  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<Connection>> idle_;
  int open_ = 0;
  int failures_ = 0;  // failed connection attempts in a row
  std::chrono::steady_clock::time_point retry_at_;
  bool closed_ = false;
};

}  // namespace vka::store::postgres
