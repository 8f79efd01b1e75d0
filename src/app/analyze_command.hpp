#pragma once
// `vk-analytics analyze`: one text per line on stdin, one NDJSON verdict per line on stdout.
#include <string>
#include <vector>

namespace vka::app {

int analyze_lines(const std::vector<std::string>& lexicon_files, const std::vector<std::string>& stopword_files);

}  // namespace vka::app
