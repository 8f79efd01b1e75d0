#include "api/csv_table.hpp"

#include <fmt/format.h>

#include <utility>

#include "api/csv.hpp"

namespace vka::api {

namespace {

template <class... Visitors>
struct Overloaded : Visitors... {
  using Visitors::operator()...;
};

std::string cell_text(const ExportCell& cell, const domain::TimeZone& zone) {
  return std::visit(
      Overloaded{[](std::monostate) { return std::string{}; }, [](std::int64_t n) { return std::to_string(n); },
                 [](double x) { return fmt::format("{:.3f}", x); },
                 [](bool flag) { return std::string{flag ? "true" : "false"}; },
                 [&zone](domain::Timestamp t) { return zone.format(t); }, [](const std::string& text) { return text; }},
      cell);
}

}  // namespace

CsvTable::CsvTable(const ExportOptions& options, const std::vector<std::string>& columns)
    : delimiter_(options.delimiter), zone_(options.zone), buffer_(options.bom ? csv_bom : "") {
  append_csv_row(buffer_, columns, delimiter_);
}

void CsvTable::add(const std::vector<ExportCell>& cells) {
  fields_.clear();
  for (const auto& cell : cells) fields_.push_back(cell_text(cell, zone_));
  append_csv_row(buffer_, fields_, delimiter_);
}

std::string CsvTable::take() { return std::exchange(buffer_, {}); }

}  // namespace vka::api
