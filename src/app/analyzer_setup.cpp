#include "app/analyzer_setup.hpp"

#include "app/exit_codes.hpp"

namespace vka::app {

analysis::Analyzer make_analyzer(const std::vector<std::string>& lexicon_files,
                                 const std::vector<std::string>& stopword_files) {
  auto lexicon = std::make_shared<analysis::Lexicon>(analysis::Lexicon::load_builtin());
  for (const auto& file : lexicon_files)
    if (const auto error = lexicon->merge_file(file)) throw UsageError("VKA_LEXICON_FILES: " + error->message);
  auto stopwords = std::make_shared<analysis::StopwordList>();
  for (const auto& file : stopword_files)
    if (const auto error = stopwords->merge_file(file)) throw UsageError("VKA_STOPWORD_FILES: " + *error);
  return analysis::Analyzer{std::move(lexicon), std::move(stopwords)};
}

}  // namespace vka::app
