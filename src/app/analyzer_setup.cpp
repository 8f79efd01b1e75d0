#include "app/analyzer_setup.hpp"

#include "app/exit_codes.hpp"

namespace vka::app {

analysis::Analyzer make_analyzer(const std::vector<std::string>& lexicon_files) {
  auto lexicon = std::make_shared<analysis::Lexicon>(analysis::Lexicon::load_builtin());
  for (const auto& file : lexicon_files)
    if (const auto error = lexicon->merge_file(file)) throw UsageError("VKA_LEXICON_FILES: " + error->message);
  return analysis::Analyzer{std::move(lexicon)};
}

}  // namespace vka::app
