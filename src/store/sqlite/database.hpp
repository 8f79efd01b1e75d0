#pragma once
// One SQLite database file: a single writer connection (serialized by a mutex, every write in a
// BEGIN IMMEDIATE transaction) and a small pool of reader connections (each read in its own snapshot).
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

#include "store/sqlite/connection.hpp"

namespace vka::store::sqlite {

class Database {
 public:
  Database(const std::string& path, int readers, int busy_timeout_ms);

  // Runs f(Connection&) in a write transaction: committed when f returns, rolled back when it throws.
  // Called from inside another write on the same thread, f joins that transaction (Store::write_together).
  template <class F>
  decltype(auto) write(F&& f) {
    if (writing_thread_.load() == std::this_thread::get_id()) return f(open_writer());
    std::lock_guard lock(writer_mutex_);
    Connection& connection = open_writer();
    const WritingThread mark(writing_thread_);
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

  // Marks the calling thread as the one inside the write transaction, for as long as it lives.
  struct WritingThread {
    explicit WritingThread(std::atomic<std::thread::id>& slot) : slot(slot) { slot = std::this_thread::get_id(); }
    ~WritingThread() { slot = std::thread::id{}; }
    WritingThread(const WritingThread&) = delete;
    WritingThread& operator=(const WritingThread&) = delete;
    std::atomic<std::thread::id>& slot;
  };

  static void rollback(Connection& connection) noexcept;
  Connection& open_writer();

  std::mutex writer_mutex_;
  std::atomic<std::thread::id> writing_thread_{};
  std::unique_ptr<Connection> writer_;

  std::mutex readers_mutex_;
  std::condition_variable reader_returned_;
  std::vector<std::unique_ptr<Connection>> idle_readers_;
  bool closed_ = false;
};

}  // namespace vka::store::sqlite
