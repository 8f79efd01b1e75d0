#include "store/sqlite/errors.hpp"

#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include "store/error.hpp"

namespace vka::store::sqlite {

namespace {

StoreError classify(int rc) {
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return {StoreErrorKind::unavailable, "the database is busy; try again"};
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_NOLFS: return {StoreErrorKind::unavailable, "the database cannot be read or written"};
    case SQLITE_CONSTRAINT: return {StoreErrorKind::conflict, "the change conflicts with stored data"};
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_MISMATCH:
      return {StoreErrorKind::corrupt, "the database file is damaged or is not a vk-analytics database"};
    default: return {StoreErrorKind::internal, "internal database error"};
  }
}

}  // namespace

void throw_error(sqlite3* db, int rc, std::string_view what, std::string_view sql) {
  StoreError error = classify(rc);
  const char* detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  const auto level = error.kind() == StoreErrorKind::conflict ? spdlog::level::info : spdlog::level::err;
  spdlog::log(level, "sqlite {} failed: {} (code {}); statement: {}", what, detail, rc, sql.empty() ? "-" : sql);
  throw error;
}

}  // namespace vka::store::sqlite
