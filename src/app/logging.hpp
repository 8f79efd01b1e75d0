#pragma once
// JSON log lines on stderr: {"ts","level","logger","msg"}; the "access" logger writes
// pre-built JSON lines (one per HTTP request).
#include <string>

namespace vka::app {

// Throws std::invalid_argument for an unknown level name.
void setup_logging(const std::string& level);

}  // namespace vka::app
