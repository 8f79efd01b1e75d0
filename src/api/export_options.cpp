#include "api/export_options.hpp"

namespace vka::api {

namespace {

std::optional<ExportFormat> parse_format(std::string_view text) {
  if (text == "csv") return ExportFormat::csv;
  if (text == "ndjson") return ExportFormat::ndjson;
  if (text == "xlsx") return ExportFormat::xlsx;
  return std::nullopt;
}

std::optional<char> parse_delimiter(std::string_view text) {
  if (text == "comma") return ',';
  if (text == "semicolon") return ';';
  if (text == "tab") return '\t';
  return std::nullopt;
}

}  // namespace

domain::Result<ExportOptions, ExportOptionProblem> parse_export_options(const ExportOptionTexts& texts) {
  ExportOptions options;
  const auto format = parse_format(texts.format.value_or("csv"));
  if (!format) return domain::unexpected(ExportOptionProblem{"format", "must be csv, ndjson or xlsx"});
  options.format = *format;
  const auto delimiter = parse_delimiter(texts.delimiter.value_or("comma"));
  if (!delimiter) return domain::unexpected(ExportOptionProblem{"delimiter", "must be comma, semicolon or tab"});
  options.delimiter = *delimiter;
  const auto bom = texts.bom.value_or(options.delimiter == ';' ? "true" : "false");
  if (bom != "true" && bom != "false") return domain::unexpected(ExportOptionProblem{"bom", "must be true or false"});
  options.bom = bom == "true";
  const auto zone = domain::TimeZone::find(texts.tz.value_or("UTC"));
  if (!zone) return domain::unexpected(ExportOptionProblem{"tz", "must be an IANA time zone such as Europe/Moscow"});
  options.zone = *zone;
  return options;
}

std::string_view file_extension(ExportFormat format) {
  switch (format) {
    case ExportFormat::csv: return "csv";
    case ExportFormat::ndjson: return "ndjson";
    case ExportFormat::xlsx: return "xlsx";
  }
  return "csv";
}

std::string_view content_type(ExportFormat format) {
  switch (format) {
    case ExportFormat::csv: return "text/csv; charset=utf-8; header=present";
    case ExportFormat::ndjson: return "application/x-ndjson; charset=utf-8";
    case ExportFormat::xlsx: return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  return "application/octet-stream";
}

}  // namespace vka::api
