#pragma once
// How long a job waits before its next attempt after a transient failure: exponential backoff with full
// jitter (a uniform wait between zero and the exponential cap), so that jobs failing together do not
// retry together.
#include <chrono>

namespace vka::jobs {

struct BackoffPolicy {
  std::chrono::seconds initial{2};  // cap after the first attempt
  std::chrono::seconds max{300};    // the cap never grows past this
  int max_attempts = 8;             // a transient failure on this attempt fails the job

  // attempt: the attempt that just failed, from 1; unit: a uniform random number in [0, 1).
  std::chrono::seconds delay(int attempt, double unit) const;
  bool exhausted(int attempt) const { return attempt >= max_attempts; }
};

}  // namespace vka::jobs
