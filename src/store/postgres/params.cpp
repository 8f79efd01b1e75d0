#include "store/postgres/params.hpp"

#include <charconv>

namespace vka::store::postgres {

namespace {

std::string number(std::int64_t value) { return std::to_string(value); }

// The shortest text that reads back as the same double.
std::string number(double value) {
  char buffer[32];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, end);
}

// An array element in double quotes, with backslash escapes for quotes and backslashes.
void append_quoted(std::string& out, std::string_view text) {
  out += '"';
  for (char ch : text) {
    if (ch == '"' || ch == '\\') out += '\\';
    out += ch;
  }
  out += '"';
}

template <class T, class Append>
Param array(const std::vector<T>& values, Oid type, Append append) {
  std::string text = "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) text += ',';
    append(text, values[i]);
  }
  text += '}';
  return Param{std::move(text), type};
}

}  // namespace

Param to_param(std::int64_t value) { return Param{number(value), oid::int8}; }
Param to_param(bool value) { return Param{std::string(value ? "t" : "f"), oid::boolean}; }
Param to_param(double value) { return Param{number(value), oid::float8}; }
Param to_param(std::string_view value) { return Param{std::string(value), oid::text}; }
Param to_param(Blob value) { return Param{std::string(value.bytes), oid::bytea, true}; }

Param to_param(const std::vector<std::optional<std::int64_t>>& values) {
  return array(values, oid::int8_array,
               [](std::string& out, const std::optional<std::int64_t>& v) { out += v ? number(*v) : "NULL"; });
}

Param to_param(const std::vector<std::int64_t>& values) {
  return array(values, oid::int8_array, [](std::string& out, std::int64_t v) { out += number(v); });
}

Param to_param(const std::vector<bool>& values) {
  return array(values, oid::boolean_array, [](std::string& out, bool v) { out += v ? 't' : 'f'; });
}

Param to_param(const std::vector<std::optional<double>>& values) {
  return array(values, oid::float8_array,
               [](std::string& out, const std::optional<double>& v) { out += v ? number(*v) : "NULL"; });
}

Param to_param(const std::vector<std::optional<std::string>>& values) {
  return array(values, oid::text_array, [](std::string& out, const std::optional<std::string>& v) {
    if (v)
      append_quoted(out, *v);
    else
      out += "NULL";
  });
}

Param to_param(const std::vector<std::string>& values) {
  return array(values, oid::text_array, [](std::string& out, const std::string& v) { append_quoted(out, v); });
}

std::string numbered_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  bool quoted = false;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (c == '\'') quoted = !quoted;
    const bool numbered = i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9';
    out += (c == '?' && !quoted && numbered) ? '$' : c;
  }
  return out;
}

}  // namespace vka::store::postgres
