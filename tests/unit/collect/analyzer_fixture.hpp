#pragma once
// The built-in analyzer, shared by the collect tests.
#include <memory>

#include "analysis/analyzer.hpp"

namespace vka::collect::testing {

inline const analysis::Analyzer& analyzer() {
  static const analysis::Analyzer instance(
      std::make_shared<const analysis::Lexicon>(analysis::Lexicon::load_builtin()));
  return instance;
}

}  // namespace vka::collect::testing
