#pragma once
// N worker threads over the durable queue: each leases the next job, runs the handler of its kind while
// a heartbeat thread keeps every running lease alive, and ends the job by the handler's result. Stopping
// is graceful: no new leases, running handlers are asked to stop, and the jobs they give back are
// released at once for another worker (or process) to resume.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "jobs/backoff.hpp"
#include "jobs/job_context.hpp"
#include "jobs/job_result.hpp"
#include "store/store.hpp"

namespace vka::jobs {

using JobHandler = std::function<JobResult(JobContext&)>;

struct WorkerPoolOptions {
  int workers = 2;
  std::chrono::seconds lease_duration{30};
  // Well under lease_duration, so that a heartbeat or two may fail without losing the lease.
  std::chrono::milliseconds heartbeat_interval{10'000};
  // How long an idle worker waits before asking the queue again, unless the store tells it sooner that a
  // job was queued (PostgreSQL: in any process).
  std::chrono::milliseconds poll_interval{1'000};
  BackoffPolicy backoff;
  // Names this process in lease_owner; each thread appends "/<n>". Empty: "worker-<pid>".
  std::string worker_id;
};

class WorkerPool {
 public:
  // handlers: by job kind. A job of a kind without a handler fails.
  WorkerPool(store::Store& store, std::map<std::string, JobHandler> handlers, WorkerPoolOptions options);
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;
  // Stops, as stop() does.
  ~WorkerPool();

  void start();
  // Stops leasing, asks running handlers to stop and waits for them. Idempotent.
  void stop();

 private:
  // What one worker thread is running, seen by the heartbeat thread.
  struct Slot {
    std::optional<store::LeaseToken> lease;  // guarded by the pool's mutex
    std::atomic<bool> lost{false};
  };

  void work(int index);
  void heartbeats();
  void run(const store::LeasedJob& job, Slot& slot, const std::string& worker_id);
  JobResult invoke(const store::LeasedJob& job, Slot& slot);
  void finish(const store::LeasedJob& job, const JobResult& result);
  // Records the job's end in the store; false when its lease is gone. Throws StoreError.
  bool record_end(const store::LeasedJob& job, const JobResult& result);
  // Sleeps up to duration; returns early when flag becomes true.
  void wait_for(std::chrono::milliseconds duration, const std::atomic<bool>& flag);
  // The store's word that a job was queued somewhere.
  void job_queued();
  std::uint64_t queued_so_far();
  // Sleeps up to the poll interval; returns early on stop or on news of a job queued after `seen`.
  void wait_for_queued_job(std::uint64_t seen);

  store::Store& store_;
  std::map<std::string, JobHandler> handlers_;
  WorkerPoolOptions options_;

  std::mutex mutex_;
  std::condition_variable wake_;
  std::atomic<bool> stopping_{false};             // workers: no new leases; handlers: stop
  std::atomic<bool> heartbeats_stopping_{false};  // after the workers are gone
  std::vector<std::unique_ptr<Slot>> slots_;
  std::vector<std::thread> workers_;
  std::thread heartbeat_thread_;
  std::uint64_t jobs_queued_ = 0;                     // how often the store said so; guarded by mutex_
  std::unique_ptr<store::Subscription> queued_jobs_;  // from start() to stop()
};

}  // namespace vka::jobs
