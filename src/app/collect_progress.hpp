#pragma once
// The progress of `collect` on stderr: one line redrawn in place on a terminal, a plain line every few
// seconds otherwise (a log file, a CI job).
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>

#include "domain/task.hpp"

namespace vka::app {

// "45s", "3m05s", "2h07m".
std::string format_duration(std::int64_t seconds);
// "groups 3/6, posts 40/72, comments 1200/3400, requests 57, ETA 1m20s" (no ETA while unknown); while the
// task waits, "…, requests 57, waiting: VK unreachable: … Connection refused" instead of the ETA.
std::string progress_summary(const domain::TaskProgress& progress,
                             const std::optional<domain::TaskWaiting>& waiting = std::nullopt);
// "[#########...........]  45% " then the summary. The share done is of the comments when some are
// expected, else of the posts found, else of the communities.
std::string progress_bar_line(const domain::TaskProgress& progress,
                              const std::optional<domain::TaskWaiting>& waiting = std::nullopt,
                              std::size_t bar_width = 24);

class ProgressDisplay {
 public:
  using Clock = std::chrono::steady_clock;

  ProgressDisplay(std::FILE* out, bool terminal, std::chrono::seconds plain_interval = std::chrono::seconds{5});
  void show(const domain::TaskProgress& progress, const std::optional<domain::TaskWaiting>& waiting,
            Clock::time_point now);
  // Ends a line being redrawn, so that what is printed next starts on a line of its own.
  void close();

 private:
  std::FILE* out_;
  bool terminal_;
  std::chrono::seconds plain_interval_;
  std::optional<Clock::time_point> last_plain_;
  bool line_open_ = false;
};

}  // namespace vka::app
