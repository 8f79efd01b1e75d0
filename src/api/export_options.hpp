#pragma once
// How an export is written, shared by GET /api/v1/tasks/{id}/export and `collect -o`: the format, the CSV
// delimiter and byte-order mark, and the time zone dates are shown in.
#include <optional>
#include <string>
#include <string_view>

#include "domain/result.hpp"
#include "domain/time_zone.hpp"

namespace vka::api {

enum class ExportFormat { csv, ndjson, xlsx };

struct ExportOptions {
  ExportFormat format = ExportFormat::csv;
  char delimiter = ',';
  bool bom = false;
  domain::TimeZone zone = domain::TimeZone::utc();
};

struct ExportOptionProblem {
  std::string field;    // the query parameter: "format", "delimiter", "bom" or "tz"
  std::string message;  // a predicate: "must be csv, ndjson or xlsx"
};

// Unset options take their defaults: csv, comma, a BOM exactly when the delimiter is a semicolon, UTC.
struct ExportOptionTexts {
  std::optional<std::string_view> format, delimiter, bom, tz;
};
domain::Result<ExportOptions, ExportOptionProblem> parse_export_options(const ExportOptionTexts& texts);

std::string_view file_extension(ExportFormat format);  // "csv", "ndjson", "xlsx"
std::string_view content_type(ExportFormat format);

}  // namespace vka::api
