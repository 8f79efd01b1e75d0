#include "store/sqlite/connection.hpp"

#include <sqlite3.h>

#include <utility>

#include "store/error.hpp"
#include "store/sqlite/errors.hpp"

namespace vka::store::sqlite {

struct Connection::Cached {
  sqlite3_stmt* stmt = nullptr;
  bool in_use = false;
  ~Cached() { sqlite3_finalize(stmt); }
};

Connection::Connection(const std::string& path, int busy_timeout_ms) {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    // sqlite3_open_v2 hands back a handle even on failure; it carries the message and must be closed.
    try {
      throw_error(db_, rc, "open");
    } catch (...) {
      sqlite3_close_v2(db_);
      throw;
    }
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, busy_timeout_ms);
  try {
    exec_script("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
  } catch (...) {
    sqlite3_close_v2(db_);
    throw;
  }
}

Connection::~Connection() {
  cache_.clear();
  sqlite3_close_v2(db_);
}

void Connection::exec_script(std::string_view sql) {
  const std::string text(sql);
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) throw_error(db_, rc, "exec", "(script)");
}

void Connection::rollback() noexcept {
  change_noted_ = false;
  try {
    exec_script("ROLLBACK");
  } catch (const StoreError&) {
    // SQLite may already have rolled back (e.g. after SQLITE_FULL); the transaction is over either way.
  }
}

Rows Connection::start(std::string_view sql) {
  auto [it, inserted] = cache_.try_emplace(std::string(sql));
  if (inserted) {
    auto cached = std::make_unique<Cached>();
    const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                      &cached->stmt, nullptr);
    if (rc != SQLITE_OK) {
      cache_.erase(it);
      throw_error(db_, rc, "prepare", sql);
    }
    it->second = std::move(cached);
  }
  Cached& cached = *it->second;
  if (cached.in_use)
    throw StoreError(StoreErrorKind::internal, "internal database error: a statement was reused while still open");
  return Rows(*this, cached.stmt, cached.in_use);
}

std::int64_t Connection::changes() const { return sqlite3_changes64(db_); }

void Connection::fail(int rc, std::string_view what, sqlite3_stmt* stmt) const {
  throw_error(db_, rc, what, stmt ? sqlite3_sql(stmt) : "");
}

void Connection::bind(sqlite3_stmt* stmt, int index, std::int64_t value) {
  if (const int rc = sqlite3_bind_int64(stmt, index, value); rc != SQLITE_OK) fail(rc, "bind", stmt);
}

void Connection::bind(sqlite3_stmt* stmt, int index, double value) {
  if (const int rc = sqlite3_bind_double(stmt, index, value); rc != SQLITE_OK) fail(rc, "bind", stmt);
}

void Connection::bind(sqlite3_stmt* stmt, int index, std::string_view value) {
  const int rc = sqlite3_bind_text64(stmt, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK) fail(rc, "bind", stmt);
}

void Connection::bind(sqlite3_stmt* stmt, int index, Blob value) {
  const int rc = sqlite3_bind_blob64(stmt, index, value.bytes.data(), value.bytes.size(), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) fail(rc, "bind", stmt);
}

void Connection::bind(sqlite3_stmt* stmt, int index, std::nullopt_t) {
  if (const int rc = sqlite3_bind_null(stmt, index); rc != SQLITE_OK) fail(rc, "bind", stmt);
}

Rows::Rows(Connection& connection, sqlite3_stmt* stmt, bool& in_use)
    : connection_(&connection), stmt_(stmt), in_use_(&in_use) {
  in_use = true;
}

Rows::Rows(Rows&& other) noexcept
    : connection_(other.connection_), stmt_(std::exchange(other.stmt_, nullptr)), in_use_(other.in_use_) {}

Rows::~Rows() {
  if (!stmt_) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  *in_use_ = false;
}

bool Rows::next() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  connection_->fail(rc, "step", stmt_);
}

bool Rows::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::int64_t Rows::int64(int column) const { return sqlite3_column_int64(stmt_, column); }

std::optional<std::int64_t> Rows::opt_int64(int column) const {
  if (is_null(column)) return std::nullopt;
  return int64(column);
}

double Rows::real(int column) const { return sqlite3_column_double(stmt_, column); }

std::optional<double> Rows::opt_real(int column) const {
  if (is_null(column)) return std::nullopt;
  return real(column);
}

std::string Rows::text(int column) const {
  const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  const int size = sqlite3_column_bytes(stmt_, column);
  return data ? std::string(data, static_cast<std::size_t>(size)) : std::string();
}

std::optional<std::string> Rows::opt_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

std::string Rows::blob(int column) const {
  const auto* data = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
  const int size = sqlite3_column_bytes(stmt_, column);
  return data ? std::string(data, static_cast<std::size_t>(size)) : std::string();
}

domain::Timestamp Rows::time(int column) const { return domain::from_unix(int64(column)); }

std::optional<domain::Timestamp> Rows::opt_time(int column) const {
  if (is_null(column)) return std::nullopt;
  return time(column);
}

}  // namespace vka::store::sqlite
