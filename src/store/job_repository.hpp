#pragma once
// The durable job queue. Jobs are enqueued by the task writes that cause them (see task_repository.hpp),
// at most one live (queued or leased) job per task and kind. A lease is fenced by its generation, which
// grows by one at every lease: every later call about the job names the generation it holds, and is
// refused once the job has been leased again.
//
// Fairness: among runnable jobs of the highest priority, lease() prefers the task with the fewest jobs
// under a live lease, then the task whose latest lease is oldest (never leased first), then the job
// that has been runnable longest. A long task that gives its job back between slices (release or
// retry_later) therefore lets every waiting task have a turn before it runs again.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/time.hpp"
#include "store/lease_token.hpp"

namespace vka::store {

struct LeasedJob {
  std::int64_t id = 0;
  std::optional<std::string> task_id;
  std::string kind;
  std::string payload_json;
  std::int64_t generation = 0;
  int attempts = 0;  // including this one
  domain::Timestamp lease_expires_at;
  LeaseToken token() const { return {id, generation}; }
};

struct JobCounts {
  std::int64_t queued = 0;
  std::int64_t leased = 0;
  std::int64_t done = 0;
  std::int64_t failed = 0;
  bool operator==(const JobCounts&) const = default;
};

class JobRepository {
 public:
  virtual ~JobRepository() = default;

  // The next runnable job: queued with run_after <= now, or leased with a lease that expired (a crashed
  // worker's). Its generation and attempts grow by one. nullopt when nothing is runnable.
  virtual std::optional<LeasedJob> lease(std::string_view worker_id, domain::Timestamp now,
                                         std::chrono::seconds lease_duration) = 0;
  // Extends the lease to now + lease_duration; false when the lease was lost.
  virtual bool heartbeat(const LeaseToken& lease, domain::Timestamp now, std::chrono::seconds lease_duration) = 0;
  // The fenced endings; each is false (and changes nothing) when the lease was lost.
  virtual bool complete(const LeaseToken& lease, domain::Timestamp now) = 0;
  virtual bool retry_later(const LeaseToken& lease, domain::Timestamp run_after, std::string_view error,
                           domain::Timestamp now) = 0;
  virtual bool fail(const LeaseToken& lease, std::string_view error, domain::Timestamp now) = 0;
  // Gives the job back, runnable at once, without counting the attempt (a worker stopping or yielding).
  virtual bool release(const LeaseToken& lease, domain::Timestamp now) = 0;
  // Gives the job back, runnable at run_after, without counting the attempt, keeping error as its last error:
  // it waits for something outside it (VK unreachable) rather than failing.
  virtual bool postpone(const LeaseToken& lease, domain::Timestamp run_after, std::string_view error,
                        domain::Timestamp now) = 0;

  virtual JobCounts counts() = 0;
};

}  // namespace vka::store
