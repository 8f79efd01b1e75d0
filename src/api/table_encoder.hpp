#pragma once
// Export rows encoded as CSV or as an XLSX workbook a piece at a time, so that an export of any size is
// written with bounded memory.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "api/export_options.hpp"
#include "api/export_rows.hpp"

namespace vka::api {

class TableEncoder {
 public:
  virtual ~TableEncoder() = default;
  virtual void add(const std::vector<ExportCell>& cells) = 0;
  // No more rows: take() returns what is left.
  virtual void finish() = 0;
  // The bytes ready so far, at most a bounded piece of them; "" when none are ready (after finish(): none left).
  virtual std::string take() = 0;
};

// The header row is the columns; sheet_name names the workbook's sheet. Precondition: options.format is csv
// or xlsx.
std::unique_ptr<TableEncoder> make_table_encoder(const ExportOptions& options, const std::vector<std::string>& columns,
                                                 std::string_view sheet_name);

}  // namespace vka::api
