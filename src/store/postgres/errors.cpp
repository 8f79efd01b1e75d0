#include "store/postgres/errors.hpp"

namespace vka::store::postgres {

namespace {

bool in_class(std::string_view sqlstate, std::string_view cls) { return sqlstate.substr(0, 2) == cls; }

}  // namespace

StoreError classify(std::string_view sqlstate, bool connection_lost) {
  if (connection_lost || sqlstate.empty() || in_class(sqlstate, "08"))
    return {StoreErrorKind::unavailable, "the database connection was lost; try again"};
  if (in_class(sqlstate, "23")) return {StoreErrorKind::conflict, "the change conflicts with stored data"};
  // Shut down or restarting (57P01..57P03), out of resources (53), a serialization failure or deadlock (40),
  // a lock or statement timeout (55P03, 57014): all pass if the caller tries again.
  if (in_class(sqlstate, "53") || in_class(sqlstate, "40") || sqlstate == "57P01" || sqlstate == "57P02" ||
      sqlstate == "57P03" || sqlstate == "55P03" || sqlstate == "57014")
    return {StoreErrorKind::unavailable, "the database is busy or restarting; try again"};
  if (sqlstate == "XX001" || sqlstate == "XX002") return {StoreErrorKind::corrupt, "the database reports damaged data"};
  return {StoreErrorKind::internal, "internal database error"};
}

}  // namespace vka::store::postgres
