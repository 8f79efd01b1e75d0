#pragma once
// RFC 4180 CSV: fields quoted when they hold the delimiter, a quote, CR or LF (quotes doubled), CRLF
// line ends. UTF-8 passes through; Excel needs a byte-order mark to detect it (see csv_bom).
// A cell a spreadsheet would evaluate as a formula (it starts with =, +, -, @, tab or CR) gets a
// leading ' so that it shows as text (OWASP's rule for CSV injection); cells made only of digits,
// signs, dots and underscores (-1, -0.5, the post id -1_23) cannot call anything and stay exact.
#include <string>
#include <string_view>
#include <vector>

namespace vka::api {

inline constexpr std::string_view csv_bom = "\xEF\xBB\xBF";

// The delimiter is ',' unless given: ';' is what Excel expects in locales whose decimal mark is a comma.
void append_csv_field(std::string& out, std::string_view field, char delimiter = ',');
bool would_evaluate(std::string_view field);
void append_csv_row(std::string& out, const std::vector<std::string>& fields, char delimiter = ',');

}  // namespace vka::api
