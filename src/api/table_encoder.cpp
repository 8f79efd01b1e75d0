#include "api/table_encoder.hpp"

#include "api/csv_table.hpp"
#include "api/xlsx_table.hpp"

namespace vka::api {

std::unique_ptr<TableEncoder> make_table_encoder(const ExportOptions& options, const std::vector<std::string>& columns,
                                                 std::string_view sheet_name) {
  if (options.format == ExportFormat::xlsx) return std::make_unique<XlsxTable>(options, columns, sheet_name);
  return std::make_unique<CsvTable>(options, columns);
}

}  // namespace vka::api
