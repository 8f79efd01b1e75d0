#include "store/sql/idempotency_repository.hpp"

#include "store/error.hpp"
#include "store/json_columns.hpp"
#include "store/postgres/database.hpp"
#include "store/sqlite/database.hpp"

namespace vka::store::sql {

template <class Database>
IdempotencyBegin IdempotencyRepositoryOn<Database>::begin(std::string_view owner, std::string_view key,
                                                          std::string_view request_hash, domain::Timestamp now) {
  return database_.write([&](auto& c) {
    using Outcome = IdempotencyBegin::Outcome;
    // The expiry index keeps this sweep cheap; it usually deletes nothing.
    c.execute("DELETE FROM idempotency_keys WHERE expires_at <= ?1", now);
    c.execute("DELETE FROM idempotency_keys WHERE owner = ?1 AND key = ?2 AND state = 'in_flight' AND created_at <= ?3",
              owner, key, now - idempotency_in_flight_limit);
    const auto inserted = c.execute(
        "INSERT INTO idempotency_keys (owner, key, request_hash, state, created_at, expires_at) "
        "VALUES (?1, ?2, ?3, 'in_flight', ?4, ?5) ON CONFLICT (owner, key) DO NOTHING",
        owner, key, request_hash, now, now + idempotency_ttl);
    IdempotencyBegin result;
    if (inserted == 1) return result;
    auto rows = c.query(
        "SELECT request_hash, state, status, response_headers, response_body FROM idempotency_keys "
        "WHERE owner = ?1 AND key = ?2",
        owner, key);
    if (!rows.next()) throw StoreError(StoreErrorKind::internal, "internal database error: idempotency entry vanished");
    if (rows.text(0) != request_hash)
      result.outcome = Outcome::mismatch;
    else if (rows.text(1) == "in_flight")
      result.outcome = Outcome::in_flight;
    else {
      result.outcome = Outcome::replay;
      result.response = {static_cast<int>(rows.int64(2)), decode_headers(rows.text(3)), rows.blob(4)};
    }
    return result;
  });
}

template <class Database>
bool IdempotencyRepositoryOn<Database>::complete(std::string_view owner, std::string_view key,
                                                 const StoredResponse& response) {
  return database_.write([&](auto& c) {
    return c.execute(
               "UPDATE idempotency_keys SET state = 'done', status = ?3, response_headers = ?4, response_body = ?5 "
               "WHERE owner = ?1 AND key = ?2 AND state = 'in_flight'",
               owner, key, response.status, encode_headers(response.headers), Blob{response.body}) == 1;
  });
}

template <class Database>
void IdempotencyRepositoryOn<Database>::abandon(std::string_view owner, std::string_view key) {
  database_.write([&](auto& c) {
    c.execute("DELETE FROM idempotency_keys WHERE owner = ?1 AND key = ?2 AND state = 'in_flight'", owner, key);
  });
}

template class IdempotencyRepositoryOn<sqlite::Database>;
template class IdempotencyRepositoryOn<postgres::Database>;

}  // namespace vka::store::sql
