#pragma once
// The rows `collect` writes: a task's comments or posts in exactly the shapes of the API's export
// (GET /api/v1/tasks/{id}/export) with the same options, read page by page so that memory stays constant.
#include <cstdint>
#include <ostream>
#include <string>

#include "api/export_options.hpp"
#include "store/results_repository.hpp"

namespace vka::app {

enum class OutputRows { comments, posts };

// Newest first, as the export; CSV starts with its header row. Returns the rows written; the caller
// checks the stream.
std::int64_t write_rows(store::ResultsRepository& results, const std::string& task_id, OutputRows rows,
                        const api::ExportOptions& options, std::ostream& out);

}  // namespace vka::app
