#pragma once
// How a job handler ends: by returning a JobResult, or by throwing (see classify_exception).
#include <chrono>
#include <exception>
#include <string>

namespace vka::jobs {

enum class JobOutcome {
  done,    // finished: the job completes
  retry,   // a transient failure: runs again after a backoff, until the attempts run out
  failed,  // a permanent failure: the job fails with the error
  yield,   // stopped early on purpose (stop requested, or the end of a time slice): runnable again at once,
           // without counting the attempt
  wait,    // blocked by something outside the job (VK unreachable): runnable again after `delay`, without
           // counting the attempt, for as long as that lasts
};

struct JobResult {
  JobOutcome outcome = JobOutcome::done;
  std::string error;              // retry, failed and wait: kept as the job's last error, so it must hold no secret
  std::chrono::seconds delay{0};  // wait: how long

  static JobResult done() { return {JobOutcome::done, {}}; }
  static JobResult retry(std::string error) { return {JobOutcome::retry, std::move(error)}; }
  static JobResult failed(std::string error) { return {JobOutcome::failed, std::move(error)}; }
  static JobResult yield() { return {JobOutcome::yield, {}}; }
  static JobResult wait(std::string reason, std::chrono::seconds delay) {
    return {JobOutcome::wait, std::move(reason), delay};
  }
};

// The result for an exception a handler let escape: an unavailable store retries, everything else fails
// the job.
JobResult classify_exception(std::exception_ptr error);

}  // namespace vka::jobs
