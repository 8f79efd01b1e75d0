#pragma once
// Line iteration for the plain-text data formats (stopword lists, lexicons).
#include <cstddef>
#include <string_view>

namespace vka::analysis {

// Calls visit(line_number, line) for each line, 1-based, without the line end ("\n" or
// "\r\n") and without surrounding spaces and tabs.
template <typename Visit>
void for_each_line(std::string_view text, Visit&& visit) {
  std::size_t number = 0;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    visit(++number, line);
  }
}

}  // namespace vka::analysis
