#pragma once
// Export rows as CSV (see csv.hpp): numbers and flags as written in JSON, instants in RFC 3339 in the
// export's time zone, empty cells for nulls.
#include "api/table_encoder.hpp"

namespace vka::api {

class CsvTable final : public TableEncoder {
 public:
  CsvTable(const ExportOptions& options, const std::vector<std::string>& columns);
  void add(const std::vector<ExportCell>& cells) override;
  void finish() override {}
  std::string take() override;

 private:
  char delimiter_;
  domain::TimeZone zone_;
  std::string buffer_;
  std::vector<std::string> fields_;
};

}  // namespace vka::api
