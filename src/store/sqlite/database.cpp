#include "store/sqlite/database.hpp"

#include <algorithm>
#include <string>

#include "store/error.hpp"

namespace vka::store::sqlite {

namespace {
constexpr int writer_cache_kib = 32 * 1024;
constexpr int checkpoint_pages = 16384;  // of 4 KiB: a WAL of up to 64 MiB
StoreError closed_error() { return {StoreErrorKind::unavailable, "the database is closed"}; }
}  // namespace

Database::Database(const std::string& path, int readers, int busy_timeout_ms) {
  // The writer opens first: it creates the file and switches it to WAL before any reader attaches.
  writer_ = std::make_unique<Connection>(path, busy_timeout_ms);
  // A collection batch dirties index pages all over the comments' indexes (authors, likes and scores come in no
  // order). SQLite's default 2 MiB cache spills them to the WAL before the commit and reads them back, and its
  // default checkpoint every 1000 WAL pages copied (and synced) them into the database file after nearly every
  // batch; a larger cache and rarer checkpoints write each hot page about once (docs/benchmarks.md, "The write
  // path near the hardware").
  // A page's comments go in one statement, which keeps a statement journal: the original of every page it changes
  // that the transaction had already changed, so that a failing statement can be undone alone. Past 64 KiB SQLite
  // spills that journal to a temporary file, and each comment wrote its index pages' originals through it; in
  // memory they are copies, bounded by the pages one transaction changes.
  writer_->exec_script("PRAGMA cache_size = -" + std::to_string(writer_cache_kib) +
                       "; PRAGMA wal_autocheckpoint = " + std::to_string(checkpoint_pages) +
                       "; PRAGMA temp_store = MEMORY;");
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
