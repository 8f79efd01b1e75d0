#pragma once
// Statement parameters for libpq: each C++ value becomes a typed parameter (its OID is always sent, so the
// server never has to guess a type, and a statement may leave some numbered parameters unused). Values go
// in text format, except bytea, which goes as raw bytes. Vectors become arrays, for batched writes through
// unnest().
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/time.hpp"
#include "store/blob.hpp"

namespace vka::store::postgres {

using Oid = unsigned int;

// Type OIDs are fixed by PostgreSQL's catalog (pg_type.dat).
namespace oid {
inline constexpr Oid boolean = 16;
inline constexpr Oid bytea = 17;
inline constexpr Oid int8 = 20;
inline constexpr Oid text = 25;
inline constexpr Oid float8 = 701;
inline constexpr Oid boolean_array = 1000;
inline constexpr Oid text_array = 1009;
inline constexpr Oid int8_array = 1016;
inline constexpr Oid float8_array = 1022;
}  // namespace oid

struct Param {
  std::optional<std::string> value;  // nullopt: SQL NULL
  Oid type = oid::text;
  bool binary = false;
};

Param to_param(std::int64_t value);
inline Param to_param(int value) { return to_param(static_cast<std::int64_t>(value)); }
Param to_param(bool value);
Param to_param(double value);
Param to_param(std::string_view value);
inline Param to_param(const std::string& value) { return to_param(std::string_view(value)); }
inline Param to_param(const char* value) { return to_param(std::string_view(value)); }
Param to_param(Blob value);
inline Param to_param(domain::Timestamp value) { return to_param(domain::to_unix(value)); }

// The OID a NULL of type T is sent as.
template <class T>
Oid null_type() {
  return to_param(T{}).type;
}

template <class T>
Param to_param(const std::optional<T>& value) {
  if (value) return to_param(*value);
  return Param{std::nullopt, null_type<T>()};
}

// SQL written for both engines numbers its parameters SQLite's way (?1, ?2): PostgreSQL's are $1, $2.
// Text inside single quotes is left alone.
std::string numbered_placeholders(std::string_view sql);

// Arrays in PostgreSQL's text form; elements may be NULL.
Param to_param(const std::vector<std::optional<std::int64_t>>& values);
Param to_param(const std::vector<std::int64_t>& values);
Param to_param(const std::vector<bool>& values);
Param to_param(const std::vector<std::optional<double>>& values);
Param to_param(const std::vector<std::optional<std::string>>& values);
Param to_param(const std::vector<std::string>& values);

}  // namespace vka::store::postgres
