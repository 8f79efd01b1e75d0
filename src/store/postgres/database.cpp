#include "store/postgres/database.hpp"

#include <algorithm>

#include "store/error.hpp"

namespace vka::store::postgres {

namespace {

constexpr auto wait_for_connection = std::chrono::seconds(30);
constexpr auto first_backoff = std::chrono::milliseconds(100);
constexpr auto max_backoff = std::chrono::milliseconds(5000);

StoreError closed_error() { return {StoreErrorKind::unavailable, "the database is closed"}; }

std::chrono::milliseconds backoff(int failures) {
  const auto doubled = first_backoff * (1 << std::min(failures - 1, 6));
  return std::min<std::chrono::milliseconds>(doubled, max_backoff);
}

}  // namespace

Database::Database(std::string url, int max_connections)
    : url_(std::move(url)), max_connections_(std::max(max_connections, 1)) {
  idle_.push_back(std::make_unique<Connection>(url_));
  open_ = 1;
}

std::unique_ptr<Connection> Database::acquire() {
  std::unique_lock lock(mutex_);
  for (;;) {
    if (closed_) throw closed_error();
    if (!idle_.empty()) {
      auto connection = std::move(idle_.back());
      idle_.pop_back();
      return connection;
    }
    if (open_ < max_connections_) break;
    const bool freed = returned_.wait_for(lock, wait_for_connection,
                                          [&] { return closed_ || !idle_.empty() || open_ < max_connections_; });
    if (!freed) throw StoreError(StoreErrorKind::unavailable, "every database connection is busy; try again");
  }
  if (std::chrono::steady_clock::now() < retry_at_)
    throw StoreError(StoreErrorKind::unavailable, "the database server is unreachable; try again");
  ++open_;
  lock.unlock();
  try {
    auto connection = std::make_unique<Connection>(url_);
    lock.lock();
    failures_ = 0;
    return connection;
  } catch (...) {
    lock.lock();
    --open_;
    ++failures_;
    retry_at_ = std::chrono::steady_clock::now() + backoff(failures_);
    returned_.notify_one();
    throw;
  }
}

void Database::give_back(std::unique_ptr<Connection> connection) {
  std::lock_guard lock(mutex_);
  if (closed_ || connection->broken())
    --open_;
  else
    idle_.push_back(std::move(connection));
  returned_.notify_one();
}

Database::Lease::Lease(Database& db) : database(&db), connection(db.acquire()) {}

Database::Lease::~Lease() {
  if (connection) database->give_back(std::move(connection));
}

Database::Lease Database::begin_transaction(const char* begin) {
  for (int attempt = 0;; ++attempt) {
    Lease lease(*this);
    try {
      lease.connection->exec_script(begin);
      return lease;
    } catch (const StoreError&) {
      if (!lease.connection->broken() || attempt >= max_connections_) throw;
    }
  }
}

void Database::close() {
  std::lock_guard lock(mutex_);
  closed_ = true;
  open_ -= static_cast<int>(idle_.size());
  idle_.clear();
  returned_.notify_all();
}

}  // namespace vka::store::postgres
