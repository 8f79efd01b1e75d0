#pragma once
#include <string>
#include <vector>

#include "analysis/analyzer.hpp"

namespace vka::app {

// The built-in lexicon with the user's lexicon files merged over it, in order.
// Throws UsageError("VKA_LEXICON_FILES: file:line: problem") on a bad file.
analysis::Analyzer make_analyzer(const std::vector<std::string>& lexicon_files);

}  // namespace vka::app
