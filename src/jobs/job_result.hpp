#pragma once
// How a job handler ends: by returning a JobResult, or by throwing (see classify_exception).
#include <exception>
#include <string>

namespace vka::jobs {

enum class JobOutcome {
  done,    // finished: the job completes
  retry,   // a transient failure: runs again after a backoff, until the attempts run out
  failed,  // a permanent failure: the job fails with the error
  yield,   // stopped early on purpose (stop requested, or the end of a time slice): runnable again at once,
           // without counting the attempt
};

struct JobResult {
  JobOutcome outcome = JobOutcome::done;
  std::string error;  // retry and failed: kept as the job's last error, so it must hold no secret

  static JobResult done() { return {JobOutcome::done, {}}; }
  static JobResult retry(std::string error) { return {JobOutcome::retry, std::move(error)}; }
  static JobResult failed(std::string error) { return {JobOutcome::failed, std::move(error)}; }
  static JobResult yield() { return {JobOutcome::yield, {}}; }
};

// The result for an exception a handler let escape: an unavailable store retries, everything else fails
// the job.
JobResult classify_exception(std::exception_ptr error);

}  // namespace vka::jobs
