#pragma once
#include <string>
#include <vector>

#include "analysis/analyzer.hpp"

namespace vka::app {

// The built-in lexicon with the user's lexicon files merged over it, in order, and the user's
// stopword files (keywords and phrases only). Throws UsageError("VKA_LEXICON_FILES: file:line: problem")
// or ("VKA_STOPWORD_FILES: file: problem") on a bad file.
analysis::Analyzer make_analyzer(const std::vector<std::string>& lexicon_files,
                                 const std::vector<std::string>& stopword_files = {});

}  // namespace vka::app
