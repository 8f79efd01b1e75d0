#include "api/xlsx_table.hpp"

#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <stdexcept>

#include "api/csv.hpp"

namespace vka::api {

namespace {

constexpr std::size_t piece_size = 64 * 1024;
constexpr double seconds_per_day = 86400;
constexpr double unix_epoch_in_excel = 25569;  // 1970-01-01 as an Excel (1900 system) date

void check(lxw_error error, std::string_view doing) {
  if (error != LXW_NO_ERROR) throw std::runtime_error(fmt::format("xlsx: {}: {}", doing, lxw_strerror(error)));
}

// A new empty file in the temporary directory that only this process knows the name of.
std::string make_temporary_file() {
  auto pattern = (std::filesystem::temp_directory_path() / "vka-export-XXXXXX.xlsx").string();
  const int fd = mkstemps(pattern.data(), 5);
  if (fd < 0) throw std::runtime_error("xlsx: cannot create a temporary file");
  ::close(fd);
  return pattern;
}

}  // namespace

XlsxTable::XlsxTable(const ExportOptions& options, const std::vector<std::string>& columns, std::string_view sheet_name)
    : zone_(options.zone), columns_(columns), sheet_name_(sheet_name), path_(make_temporary_file()) {
  lxw_workbook_options workbook_options{};
  workbook_options.constant_memory = LXW_TRUE;
  workbook_ = workbook_new_opt(path_.c_str(), &workbook_options);
  if (!workbook_) {
    std::filesystem::remove(path_);
    throw std::runtime_error("xlsx: cannot start a workbook");
  }
  header_format_ = workbook_add_format(workbook_);
  format_set_bold(header_format_);
  date_format_ = workbook_add_format(workbook_);
  format_set_num_format(date_format_, "yyyy-mm-dd hh:mm:ss");
  start_sheet();
}

XlsxTable::~XlsxTable() {
  if (workbook_) workbook_close(workbook_);
  if (!path_.empty()) {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
}

void XlsxTable::start_sheet() {
  ++sheets_;
  const auto name = sheets_ == 1 ? sheet_name_ : fmt::format("{} ({})", sheet_name_, sheets_);
  sheet_ = workbook_add_worksheet(workbook_, name.c_str());
  if (!sheet_) throw std::runtime_error("xlsx: cannot add a sheet");
  worksheet_freeze_panes(sheet_, 1, 0);
  for (std::uint32_t column = 0; column < columns_.size(); ++column)
    write_text(column, columns_[column], header_format_);
  row_ = 1;
}

void XlsxTable::end_sheet() {
  check(worksheet_autofilter(sheet_, 0, 0, row_ - 1, static_cast<lxw_col_t>(columns_.size() - 1)), "autofilter");
}

void XlsxTable::write_text(std::uint32_t column, const std::string& text, lxw_format* format) {
  const auto cell = would_evaluate(text) ? "'" + text : text;
  check(worksheet_write_string(sheet_, row_, static_cast<lxw_col_t>(column), cell.c_str(), format), "text cell");
}

void XlsxTable::add(const std::vector<ExportCell>& cells) {
  if (row_ == LXW_ROW_MAX) {
    end_sheet();
    start_sheet();
  }
  for (std::uint32_t column = 0; column < cells.size(); ++column) {
    const auto col = static_cast<lxw_col_t>(column);
    const auto& cell = cells[column];
    if (const auto* n = std::get_if<std::int64_t>(&cell)) {
      check(worksheet_write_number(sheet_, row_, col, static_cast<double>(*n), nullptr), "number cell");
    } else if (const auto* x = std::get_if<double>(&cell)) {
      check(worksheet_write_number(sheet_, row_, col, *x, nullptr), "number cell");
    } else if (const auto* flag = std::get_if<bool>(&cell)) {
      check(worksheet_write_boolean(sheet_, row_, col, *flag, nullptr), "boolean cell");
    } else if (const auto* t = std::get_if<domain::Timestamp>(&cell)) {
      const double days = static_cast<double>(zone_.local_seconds(*t)) / seconds_per_day + unix_epoch_in_excel;
      check(worksheet_write_number(sheet_, row_, col, days, date_format_), "date cell");
    } else if (const auto* text = std::get_if<std::string>(&cell)) {
      write_text(column, *text, nullptr);
    }
  }
  ++row_;
}

void XlsxTable::finish() {
  if (!workbook_) return;
  end_sheet();
  const auto error = workbook_close(workbook_);
  workbook_ = nullptr;
  check(error, "close");
  file_.open(path_, std::ios::binary);
  if (!file_) throw std::runtime_error("xlsx: cannot read the finished workbook");
  std::filesystem::remove(path_);  // the open stream keeps the data until it is closed
  path_.clear();
}

std::string XlsxTable::take() {
  if (!file_.is_open()) return {};
  std::string piece(piece_size, '\0');
  file_.read(piece.data(), static_cast<std::streamsize>(piece.size()));
  piece.resize(static_cast<std::size_t>(file_.gcount()));
  return piece;
}

}  // namespace vka::api
