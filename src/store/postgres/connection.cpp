#include "store/postgres/connection.hpp"

#include <libpq-fe.h>
#include <poll.h>
#include <spdlog/spdlog.h>

#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <utility>

#include "store/postgres/errors.hpp"

namespace vka::store::postgres {

namespace {

struct ResultGuard {
  PGresult* result;
  ~ResultGuard() { PQclear(result); }
};

void log_notice(void*, const char* message) { spdlog::debug("postgres notice: {}", message); }

[[noreturn]] void corrupt_value() {
  throw StoreError(StoreErrorKind::corrupt, "a stored value is not what the schema promises");
}

}  // namespace

Connection::Connection(const std::string& url) {
  // The URL comes second, so that its own connect_timeout wins; the encoding comes last, as we only speak UTF-8.
  const char* keys[] = {"connect_timeout", "dbname", "client_encoding", nullptr};
  const char* values[] = {"5", url.c_str(), "UTF8", nullptr};
  conn_ = PQconnectdbParams(keys, values, 1);
  if (!conn_) throw StoreError(StoreErrorKind::unavailable, "cannot connect to the database: out of memory");
  if (PQstatus(conn_) != CONNECTION_OK) {
    // libpq's message names the host and user, never the password; the URL itself is not logged.
    spdlog::warn("postgres connect failed: {}", PQerrorMessage(conn_));
    PQfinish(conn_);
    throw StoreError(StoreErrorKind::unavailable, "cannot connect to the database server");
  }
  PQsetNoticeProcessor(conn_, log_notice, nullptr);
}

Connection::~Connection() { PQfinish(conn_); }

bool Connection::broken() const { return PQstatus(conn_) == CONNECTION_BAD; }

void Connection::exec_script(std::string_view sql) {
  finish_pipeline();
  const std::string text(sql);
  PGresult* result = PQexec(conn_, text.c_str());
  const ExecStatusType status = PQresultStatus(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(result, "exec", "(script)");
  PQclear(result);
}

void Connection::rollback() noexcept {
  if (broken()) return;
  try {
    finish_pipeline();
  } catch (const StoreError&) {
    // A statement sent before the rollback failed: it is rolled back with the rest.
  }
  try {
    exec_script("ROLLBACK");
  } catch (const StoreError&) {
    // The connection broke while rolling back; it is dropped when returned, which ends the transaction.
  }
}

void Connection::announce_change() { exec_script("NOTIFY " + std::string(changes_channel)); }

int Connection::wait_for_notifications(std::chrono::milliseconds timeout) {
  pollfd socket{PQsocket(conn_), POLLIN, 0};
  if (socket.fd < 0) throw StoreError(StoreErrorKind::unavailable, "the database connection is closed");
  const int ready = ::poll(&socket, 1, static_cast<int>(timeout.count()));
  if (ready < 0 && errno != EINTR) throw StoreError(StoreErrorKind::unavailable, "waiting for the database failed");
  if (ready > 0 && PQconsumeInput(conn_) == 0)
    throw StoreError(StoreErrorKind::unavailable, "lost the connection to the database server");
  int count = 0;
  while (PGnotify* notification = PQnotifies(conn_)) {
    PQfreemem(notification);
    ++count;
  }
  return count;
}

std::string Connection::statement_key(std::string_view sql, const std::vector<Param>& params) {
  std::string key(sql);
  for (const Param& p : params) key += '\x1f' + std::to_string(p.type);
  return key;
}

const std::string& Connection::prepare(std::string key, std::string_view sql, const std::vector<Param>& params) {
  auto found = statements_.find(key);
  if (found != statements_.end()) return found->second;
  std::vector<Oid> types;
  types.reserve(params.size());
  for (const Param& p : params) types.push_back(p.type);
  const std::string name = "s" + std::to_string(statements_.size() + 1);
  const std::string text = numbered_placeholders(sql);
  PGresult* result = PQprepare(conn_, name.c_str(), text.c_str(), static_cast<int>(types.size()), types.data());
  if (PQresultStatus(result) != PGRES_COMMAND_OK) fail(result, "prepare", sql);
  PQclear(result);
  return statements_.emplace(std::move(key), name).first->second;
}

Connection::Bound::Bound(const std::vector<Param>& params) {
  for (const Param& p : params) {
    values.push_back(p.value ? p.value->c_str() : nullptr);
    lengths.push_back(p.value ? static_cast<int>(p.value->size()) : 0);
    formats.push_back(p.binary ? 1 : 0);
  }
}

Rows Connection::run(std::string_view sql, const std::vector<Param>& params) {
  finish_pipeline();
  const std::string& name = prepare(statement_key(sql, params), sql, params);
  const Bound bound(params);
  PGresult* result = PQexecPrepared(conn_, name.c_str(), static_cast<int>(params.size()), bound.values.data(),
                                    bound.lengths.data(), bound.formats.data(), 0);
  const ExecStatusType status = PQresultStatus(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(result, "statement", sql);
  return Rows(result);
}

void Connection::send(std::string_view sql, const std::vector<Param>& params) {
  // Preparing waits for the server, which pipeline mode does not allow: a new statement ends the pipeline first.
  std::string key = statement_key(sql, params);
  if (!pipelined_.empty() && !statements_.contains(key)) finish_pipeline();
  const std::string& name = prepare(std::move(key), sql, params);
  if (pipelined_.empty() && PQenterPipelineMode(conn_) != 1)
    throw StoreError(StoreErrorKind::unavailable, "lost the connection to the database server");
  const Bound bound(params);
  // libpq copies the values into its output buffer before returning.
  if (PQsendQueryPrepared(conn_, name.c_str(), static_cast<int>(params.size()), bound.values.data(),
                          bound.lengths.data(), bound.formats.data(), 0) != 1) {
    pipelined_.emplace_back(sql);
    finish_pipeline();
    fail(nullptr, "statement", sql);
  }
  pipelined_.emplace_back(sql);
}

void Connection::finish_pipeline() {
  if (pipelined_.empty()) return;
  const std::vector<std::string> sent = std::exchange(pipelined_, {});
  PGresult* first_error = nullptr;
  std::string_view failed_sql;
  if (PQpipelineSync(conn_) == 1) {
    // Each statement's results end with a null result; the sync's own result ends the pipeline. A connection
    // lost meanwhile only gives null results: counting them bounds the loop.
    std::size_t ended = 0;
    while (ended <= sent.size()) {
      PGresult* result = PQgetResult(conn_);
      if (!result) {
        ++ended;
        continue;
      }
      const ExecStatusType status = PQresultStatus(result);
      if (status == PGRES_PIPELINE_SYNC) {
        PQclear(result);
        break;
      }
      const bool failed = status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_PIPELINE_ABORTED;
      if (failed && !first_error) {
        first_error = result;
        failed_sql = sent[std::min(ended, sent.size() - 1)];
      } else {
        PQclear(result);
      }
    }
  }
  PQexitPipelineMode(conn_);
  if (first_error) fail(first_error, "statement", failed_sql);
  if (broken()) fail(nullptr, "statement", sent.back());
}

void Connection::fail(PGresult* result, std::string_view what, std::string_view sql) {
  ResultGuard guard{result};
  const char* sqlstate = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  StoreError error = classify(sqlstate ? sqlstate : "", broken());
  // Only the primary message: the detail line may quote the values of the row.
  const auto level = error.kind() == StoreErrorKind::conflict ? spdlog::level::info : spdlog::level::err;
  spdlog::log(level, "postgres {} failed: {} (SQLSTATE {}); statement: {}", what,
              primary ? primary : PQerrorMessage(conn_), sqlstate ? sqlstate : "-", sql);
  throw error;
}

Rows::Rows(PGresult* result) : result_(result), rows_(PQntuples(result)) {}

Rows::Rows(Rows&& other) noexcept
    : result_(std::exchange(other.result_, nullptr)), row_(other.row_), rows_(other.rows_) {}

Rows::~Rows() { PQclear(result_); }

bool Rows::next() { return ++row_ < rows_; }

std::int64_t Rows::affected() const {
  const char* text = PQcmdTuples(result_);
  std::int64_t n = 0;
  std::from_chars(text, text + std::char_traits<char>::length(text), n);
  return n;
}

const char* Rows::value(int column) const { return PQgetvalue(result_, row_, column); }

bool Rows::is_null(int column) const { return PQgetisnull(result_, row_, column) == 1; }

std::int64_t Rows::int64(int column) const {
  const char* text = value(column);
  const char* end = text + PQgetlength(result_, row_, column);
  std::int64_t n = 0;
  const auto [ptr, ec] = std::from_chars(text, end, n);
  if (ec != std::errc{} || ptr != end) corrupt_value();
  return n;
}

std::optional<std::int64_t> Rows::opt_int64(int column) const {
  if (is_null(column)) return std::nullopt;
  return int64(column);
}

double Rows::real(int column) const {
  char* end = nullptr;
  const double d = std::strtod(value(column), &end);
  if (end == value(column)) corrupt_value();
  return d;
}

std::optional<double> Rows::opt_real(int column) const {
  if (is_null(column)) return std::nullopt;
  return real(column);
}

bool Rows::boolean(int column) const { return value(column)[0] == 't'; }

std::string Rows::text(int column) const {
  return std::string(value(column), static_cast<std::size_t>(PQgetlength(result_, row_, column)));
}

std::optional<std::string> Rows::opt_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

std::string Rows::blob(int column) const {
  std::size_t size = 0;
  unsigned char* bytes = PQunescapeBytea(reinterpret_cast<const unsigned char*>(value(column)), &size);
  if (!bytes) throw StoreError(StoreErrorKind::internal, "internal database error: out of memory");
  std::string out(reinterpret_cast<const char*>(bytes), size);
  PQfreemem(bytes);
  return out;
}

domain::Timestamp Rows::time(int column) const { return domain::from_unix(int64(column)); }

std::optional<domain::Timestamp> Rows::opt_time(int column) const {
  if (is_null(column)) return std::nullopt;
  return time(column);
}

}  // namespace vka::store::postgres
