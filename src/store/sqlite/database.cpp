#include "store/sqlite/database.hpp"

#include <algorithm>

#include "store/error.hpp"

namespace vka::store::sqlite {

namespace {
StoreError closed_error() { return {StoreErrorKind::unavailable, "the database is closed"}; }
}  // namespace

Database::Database(const std::string& path, int readers, int busy_timeout_ms) {
  // The writer opens first: it creates the file and switches it to WAL before any reader attaches.
  writer_ = std::make_unique<Connection>(path, busy_timeout_ms);
  for (int i = 0; i < std::max(readers, 1); ++i) {
    auto reader = std::make_unique<Connection>(path, busy_timeout_ms);
    reader->exec_script("PRAGMA query_only = ON;");
    idle_readers_.push_back(std::move(reader));
  }
}

Connection& Database::open_writer() {
  if (!writer_) throw closed_error();
  return *writer_;
}

void Database::close() {
  {
    std::lock_guard lock(writer_mutex_);
    writer_.reset();
  }
  std::lock_guard lock(readers_mutex_);
  closed_ = true;
  idle_readers_.clear();
  reader_returned_.notify_all();
}

Database::ReaderLease::ReaderLease(Database& db) : database(db) {
  std::unique_lock lock(database.readers_mutex_);
  database.reader_returned_.wait(lock, [&] { return database.closed_ || !database.idle_readers_.empty(); });
  if (database.closed_) throw closed_error();
  connection = std::move(database.idle_readers_.back());
  database.idle_readers_.pop_back();
}

Database::ReaderLease::~ReaderLease() {
  std::lock_guard lock(database.readers_mutex_);
  if (database.closed_) return;  // the connection closes with this lease
  database.idle_readers_.push_back(std::move(connection));
  database.reader_returned_.notify_one();
}

}  // namespace vka::store::sqlite
