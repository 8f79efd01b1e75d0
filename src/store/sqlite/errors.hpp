#pragma once
// Turns SQLite result codes into StoreError: the detail goes to the log, a safe sentence to the caller.
#include <string_view>

struct sqlite3;

namespace vka::store::sqlite {

// what: the operation, e.g. "prepare"; sql: the statement text (logged, never put in the message).
[[noreturn]] void throw_error(sqlite3* db, int rc, std::string_view what, std::string_view sql = {});

}  // namespace vka::store::sqlite
