#include "api/csv.hpp"

namespace vka::api {

bool would_evaluate(std::string_view field) {
  if (field.empty() || std::string_view{"=+-@\t\r"}.find(field.front()) == std::string_view::npos) return false;
  return field.find_first_not_of("0123456789+-._") != std::string_view::npos;
}

void append_csv_field(std::string& out, std::string_view field, char delimiter) {
  const bool neutralize = would_evaluate(field);
  const char special[] = {delimiter, '"', '\r', '\n', '\0'};
  if (field.find_first_of(special) == std::string_view::npos) {
    if (neutralize) out += '\'';
    out += field;
    return;
  }
  out += '"';
  if (neutralize) out += '\'';
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_csv_row(std::string& out, const std::vector<std::string>& fields, char delimiter) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += delimiter;
    append_csv_field(out, fields[i], delimiter);
  }
  out += "\r\n";
}

}  // namespace vka::api
