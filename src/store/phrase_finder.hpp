#pragma once
// How the store finds the candidate phrases of a comment's text (analysis::TextAnalysis::phrases) for comments
// stored before phrases were kept (migration 0008_phrases), when it rebuilds their task's read models. The
// store cannot analyse text itself: the application gives it the analyzer's answer.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace vka::store {

using PhraseFinder = std::function<std::vector<std::string>(std::string_view text)>;

}  // namespace vka::store
