#pragma once
// Export rows as an XLSX workbook (libxlsxwriter in constant-memory mode): the header row bold and frozen,
// an autofilter over the rows, numbers and flags typed, instants as Excel dates ("yyyy-mm-dd hh:mm:ss") on
// the export's time zone's clock, text that a spreadsheet would evaluate prefixed with ' (see csv.hpp).
// The workbook is built in a temporary file that is deleted as soon as it is open for reading; rows past a
// sheet's last row (1 048 576) continue on a new sheet with the same header.
#include <cstdint>
#include <fstream>
#include <string>

#include "api/table_encoder.hpp"

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace vka::api {

class XlsxTable final : public TableEncoder {
 public:
  XlsxTable(const ExportOptions& options, const std::vector<std::string>& columns, std::string_view sheet_name);
  ~XlsxTable() override;
  XlsxTable(const XlsxTable&) = delete;
  XlsxTable& operator=(const XlsxTable&) = delete;

  void add(const std::vector<ExportCell>& cells) override;
  void finish() override;
  std::string take() override;

 private:
  void start_sheet();
  void end_sheet();
  void write_text(std::uint32_t column, const std::string& text, lxw_format* format);

  domain::TimeZone zone_;
  std::vector<std::string> columns_;
  std::string sheet_name_;
  std::string path_;
  lxw_workbook* workbook_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  lxw_format* header_format_ = nullptr;
  lxw_format* date_format_ = nullptr;
  int sheets_ = 0;
  std::uint32_t row_ = 0;  // the next row to write on the current sheet
  std::ifstream file_;     // the finished workbook
};

}  // namespace vka::api
