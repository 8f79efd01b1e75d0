#pragma once
// RAII over one libpq connection, used by one thread at a time, with a cache of prepared statements keyed
// by SQL text and parameter types. All parameters are bound through params.hpp; results come back whole
// (our pages are bounded) in text format and are read through Rows.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/time.hpp"
#include "store/postgres/params.hpp"

struct pg_conn;
struct pg_result;

namespace vka::store::postgres {

// The rows of one statement's result. next() steps to the first row, then on.
class Rows {
 public:
  explicit Rows(pg_result* result);
  Rows(Rows&& other) noexcept;
  Rows(const Rows&) = delete;
  Rows& operator=(const Rows&) = delete;
  Rows& operator=(Rows&&) = delete;
  ~Rows();

  bool next();
  // The rows an INSERT, UPDATE or DELETE changed.
  std::int64_t affected() const;

  bool is_null(int column) const;
  std::int64_t int64(int column) const;
  std::optional<std::int64_t> opt_int64(int column) const;
  double real(int column) const;
  std::optional<double> opt_real(int column) const;
  bool boolean(int column) const;
  std::string text(int column) const;
  std::optional<std::string> opt_text(int column) const;
  // A bytea column.
  std::string blob(int column) const;
  domain::Timestamp time(int column) const;
  std::optional<domain::Timestamp> opt_time(int column) const;

 private:
  const char* value(int column) const;

  pg_result* result_;
  int row_ = -1;
  int rows_ = 0;
};

// The channel that Connection::announce_change notifies.
inline constexpr std::string_view changes_channel = "vka_changes";

class Connection {
 public:
  // Connects with the URL as libpq takes it. Throws StoreError(unavailable) without quoting the URL.
  explicit Connection(const std::string& url);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // True once the server connection is gone; such a connection is never reused.
  bool broken() const;

  // Runs statements that take no parameters, e.g. a migration script or BEGIN.
  void exec_script(std::string_view sql);
  // Ends the open transaction without its changes; never throws.
  void rollback() noexcept;
  // NOTIFY on changes_channel, which the server delivers to every listening session when the open transaction
  // commits: it added a task event or an audit entry (Store::watch_changes).
  void announce_change();
  // Waits up to `timeout` for notifications of the channels this session LISTENs to; returns how many came.
  // Throws StoreError(unavailable) when the connection is lost.
  int wait_for_notifications(std::chrono::milliseconds timeout);

  template <class... Args>
  Rows query(std::string_view sql, const Args&... args) {
    std::vector<Param> params;
    params.reserve(sizeof...(Args));
    (params.push_back(to_param(args)), ...);
    return run(sql, params);
  }

  // Runs a statement; returns how many rows it changed.
  template <class... Args>
  std::int64_t execute(std::string_view sql, const Args&... args) {
    return query(sql, args...).affected();
  }

  // Sends a statement whose result nobody reads without waiting for it (libpq's pipeline mode). The statements
  // sent so far reach the server together, and the first error among them is thrown, before the next statement
  // that waits: query, execute, exec_script (so before COMMIT) or rollback.
  template <class... Args>
  void execute_later(std::string_view sql, const Args&... args) {
    std::vector<Param> params;
    params.reserve(sizeof...(Args));
    (params.push_back(to_param(args)), ...);
    send(sql, params);
  }

 private:
  // A statement's parameters as libpq takes them.
  struct Bound {
    explicit Bound(const std::vector<Param>& params);
    std::vector<const char*> values;
    std::vector<int> lengths;
    std::vector<int> formats;
  };

  static std::string statement_key(std::string_view sql, const std::vector<Param>& params);
  Rows run(std::string_view sql, const std::vector<Param>& params);
  void send(std::string_view sql, const std::vector<Param>& params);
  // Ends the pipeline execute_later opened, if any: waits for its statements and throws the first error.
  void finish_pipeline();
  // The name of the statement prepared under key (statement_key of sql and params), preparing it first if need be.
  const std::string& prepare(std::string key, std::string_view sql, const std::vector<Param>& params);
  [[noreturn]] void fail(pg_result* result, std::string_view what, std::string_view sql);

  pg_conn* conn_ = nullptr;
  std::unordered_map<std::string, std::string> statements_;  // key → prepared statement name
  std::vector<std::string> pipelined_;                       // the SQL of the statements sent, not yet waited for
};

}  // namespace vka::store::postgres
