#include "domain/shown_progress.hpp"

#include <algorithm>

namespace vka::domain {

TaskProgress as_shown(TaskProgress progress) {
  progress.comments_expected = std::max(progress.comments_expected, progress.comments_collected);
  if (progress.comments_collected == 0 || progress.eta_seconds.value_or(0) <= 0) progress.eta_seconds.reset();
  return progress;
}

}  // namespace vka::domain
