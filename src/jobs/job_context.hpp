#pragma once
// What a handler knows about the job it runs. A handler polls should_stop() between units of work (a VK
// page, say) and then returns promptly: JobResult::yield() when asked to stop, anything when the lease
// was lost (the pool ignores it: another worker owns the job now). Every store write it makes carries
// lease() so that it is refused once the lease is lost.
#include <atomic>
#include <optional>
#include <string>

#include "store/job_repository.hpp"
#include "store/lease_token.hpp"

namespace vka::jobs {

class JobContext {
 public:
  JobContext(const store::LeasedJob& job, const std::atomic<bool>& lease_lost, const std::atomic<bool>& stop)
      : job_(job), lease_lost_(lease_lost), stop_(stop) {}

  std::int64_t job_id() const { return job_.id; }
  std::int64_t generation() const { return job_.generation; }
  const std::optional<std::string>& task_id() const { return job_.task_id; }
  const std::string& kind() const { return job_.kind; }
  const std::string& payload_json() const { return job_.payload_json; }
  int attempts() const { return job_.attempts; }  // including this one
  store::LeaseToken lease() const { return job_.token(); }

  // A heartbeat found the lease gone (it expired and was taken over, or the job was removed).
  bool lease_lost() const { return lease_lost_.load(); }
  // The pool is stopping.
  bool stop_requested() const { return stop_.load(); }
  bool should_stop() const { return lease_lost() || stop_requested(); }

 private:
  const store::LeasedJob& job_;
  const std::atomic<bool>& lease_lost_;
  const std::atomic<bool>& stop_;
};

}  // namespace vka::jobs
