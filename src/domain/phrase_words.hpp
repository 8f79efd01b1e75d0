#pragma once
// The words of a text's candidate phrases («горячая вода» → «горячая», «вода»): what collocation
// statistics count beside the phrases themselves (docs/analysis.md, "Phrases").
#include <string>
#include <vector>

namespace vka::domain {

// Each distinct word of the space-separated phrases once, in order of first appearance.
std::vector<std::string> phrase_words(const std::vector<std::string>& phrases);

}  // namespace vka::domain
