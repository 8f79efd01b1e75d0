#pragma once
// What both engines' Database classes share: running work inside a transaction, and letting a write begun
// inside another write on the same thread join the open transaction (Store::write_together).
#include <type_traits>

namespace vka::store::sql {

// Runs f(connection) in the transaction the connection has just begun: commits when f returns, rolls back
// and rethrows when it throws.
template <class Connection, class F>
decltype(auto) committed(Connection& connection, F& f) {
  try {
    if constexpr (std::is_void_v<decltype(f(connection))>) {
      f(connection);
      connection.exec_script("COMMIT");
    } else {
      auto result = f(connection);
      connection.exec_script("COMMIT");
      return result;
    }
  } catch (...) {
    connection.rollback();
    throw;
  }
}

// Runs f(connection) between `begin` and COMMIT, as committed() does.
template <class Connection, class F>
decltype(auto) in_transaction(Connection& connection, const char* begin, F& f) {
  connection.exec_script(begin);
  return committed(connection, f);
}

// The write transaction the calling thread has open, and on which database.
template <class Connection>
class OpenWrite {
  struct Open {
    const void* database = nullptr;
    Connection* connection = nullptr;
  };
  static inline thread_local Open open_;

 public:
  // The connection of the write transaction this thread has open on `database`, or nullptr.
  static Connection* on(const void* database) { return open_.database == database ? open_.connection : nullptr; }

  // Marks the transaction on `connection` as this thread's open write on `database`, for as long as it lives.
  class Scope {
   public:
    Scope(const void* database, Connection* connection) : saved_(open_) { open_ = {database, connection}; }
    ~Scope() { open_ = saved_; }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    Open saved_;
  };
};

// Wraps f so that, while it runs inside its transaction, writes on the same database and thread join it.
template <class Connection, class F>
auto joining(const void* database, F& f) {
  return [database, &f](Connection& connection) -> decltype(auto) {
    const typename OpenWrite<Connection>::Scope scope(database, &connection);
    return f(connection);
  };
}

}  // namespace vka::store::sql
