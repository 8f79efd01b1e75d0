#include "app/collect_progress.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "domain/shown_progress.hpp"

namespace vka::app {

namespace {

double share_done(const domain::TaskProgress& p) {
  const auto share = [](std::int64_t done, std::int64_t total) {
    return std::clamp(static_cast<double>(done) / static_cast<double>(total), 0.0, 1.0);
  };
  if (p.comments_expected > 0) return share(p.comments_collected, p.comments_expected);
  if (p.posts_found > 0) return share(p.posts_done, p.posts_found);
  if (p.groups_total > 0) return share(p.groups_done, p.groups_total);
  return 0;
}

}  // namespace

std::string format_duration(std::int64_t seconds) {
  seconds = std::max<std::int64_t>(seconds, 0);
  if (seconds < 60) return fmt::format("{}s", seconds);
  if (seconds < 3600) return fmt::format("{}m{:02}s", seconds / 60, seconds % 60);
  return fmt::format("{}h{:02}m", seconds / 3600, seconds % 3600 / 60);
}

std::string progress_summary(const domain::TaskProgress& progress, const std::optional<domain::TaskWaiting>& waiting) {
  const auto p = domain::as_shown(progress);
  auto line = fmt::format("groups {}/{}, posts {}/{}, comments {}/{}, requests {}", p.groups_done, p.groups_total,
                          p.posts_done, p.posts_found, p.comments_collected, p.comments_expected, p.vk_requests);
  if (waiting)
    line += ", waiting: " + waiting->reason;
  else if (p.eta_seconds)
    line += ", ETA " + format_duration(*p.eta_seconds);
  return line;
}

std::string progress_bar_line(const domain::TaskProgress& progress, const std::optional<domain::TaskWaiting>& waiting,
                              std::size_t bar_width) {
  const double share = share_done(progress);
  const auto filled = static_cast<std::size_t>(share * static_cast<double>(bar_width));
  return fmt::format("[{}{}] {:3}% {}", std::string(filled, '#'), std::string(bar_width - filled, '.'),
                     static_cast<int>(share * 100), progress_summary(progress, waiting));
}

ProgressDisplay::ProgressDisplay(std::FILE* out, bool terminal, std::chrono::seconds plain_interval)
    : out_(out), terminal_(terminal), plain_interval_(plain_interval) {}

void ProgressDisplay::show(const domain::TaskProgress& progress, const std::optional<domain::TaskWaiting>& waiting,
                           Clock::time_point now) {
  if (terminal_) {
    // \r back to the line's start, ESC[K clears what a longer previous line left.
    std::fputs(("\r" + progress_bar_line(progress, waiting) + "\x1b[K").c_str(), out_);
    line_open_ = true;
  } else {
    if (last_plain_ && now - *last_plain_ < plain_interval_) return;
    last_plain_ = now;
    std::fputs(("progress: " + progress_summary(progress, waiting) + "\n").c_str(), out_);
  }
  std::fflush(out_);
}

void ProgressDisplay::close() {
  if (!line_open_) return;
  std::fputc('\n', out_);
  std::fflush(out_);
  line_open_ = false;
}

}  // namespace vka::app
