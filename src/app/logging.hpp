#pragma once
// JSON log lines on stderr: {"ts","level","logger","msg"}; the "access" logger writes pre-built JSON lines
// (one per HTTP request). A thread that logs only queues its line: one background thread writes them,
// so that the network threads never wait on stderr. Both loggers share the one stderr sink, so lines
// never mix.
#include <string>

namespace vka::app {

// Throws std::invalid_argument for an unknown level name. May be called again (a command's own level).
void setup_logging(const std::string& level);

// Writes every queued line and stops the background thread; called once, as the process ends.
void flush_logs();

}  // namespace vka::app
