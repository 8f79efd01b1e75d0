#pragma once
// The text files under src/analysis/data/, compiled into the binary.
#include <string_view>

namespace vka::analysis {

// Contents of src/analysis/data/<name>; throws std::logic_error if the build did not embed it.
std::string_view builtin_file(std::string_view name);

}  // namespace vka::analysis
