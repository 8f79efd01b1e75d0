#include "app/analyze_command.hpp"

#include <iostream>

#include "api/analysis_json.hpp"
#include "app/analyzer_setup.hpp"
#include "app/exit_codes.hpp"
#include "http/json_text.hpp"

namespace vka::app {

int analyze_lines(const std::vector<std::string>& lexicon_files, const std::vector<std::string>& stopword_files) {
  return run_command("vk-analytics", [&] {
    const auto analyzer = make_analyzer(lexicon_files, stopword_files);
    std::ios::sync_with_stdio(false);
    std::string line;
    while (std::getline(std::cin, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      std::cout << http::to_json_text(api::analysis_to_json(analyzer.analyze(line))) << '\n';
    }
    std::cout.flush();
    return std::cout ? exit_ok : exit_failure;
  });
}

}  // namespace vka::app
