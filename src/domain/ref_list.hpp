#pragma once
// The outcome of normalizing a list of user-supplied references: the distinct valid ones in
// first-seen order, and what was wrong with each rejected item (by its position in the input).
#include <cstddef>
#include <string>
#include <vector>

namespace vka::domain {

struct RefProblem {
  std::size_t index = 0;  // zero-based position in the input list
  std::string problem;    // a full sentence that quotes the offending item
  bool operator==(const RefProblem&) const = default;
};

template <typename Ref>
struct NormalizedRefs {
  std::vector<Ref> refs;
  std::vector<RefProblem> problems;
};

}  // namespace vka::domain
