#include "jobs/worker_pool.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <random>

#include "domain/time.hpp"
#include "store/error.hpp"

namespace vka::jobs {

namespace {

std::string default_worker_id() { return "worker-" + std::to_string(::getpid()); }

// "job 12 (collect, task t_1)": what a log line about a job names, so that it can be traced to its task.
std::string job_name(const store::LeasedJob& job) {
  if (!job.task_id) return "job " + std::to_string(job.id) + " (" + job.kind + ")";
  return "job " + std::to_string(job.id) + " (" + job.kind + ", task " + *job.task_id + ")";
}

double uniform_unit() {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
}

}  // namespace

WorkerPool::WorkerPool(store::Store& store, std::map<std::string, JobHandler> handlers, WorkerPoolOptions options)
    : store_(store), handlers_(std::move(handlers)), options_(std::move(options)) {
  if (options_.worker_id.empty()) options_.worker_id = default_worker_id();
}

WorkerPool::~WorkerPool() { stop(); }

void WorkerPool::start() {
  std::lock_guard lock(mutex_);
  if (!workers_.empty() || stopping_) return;
  queued_jobs_ = store_.watch_queued_jobs([this] { job_queued(); });
  const int count = std::max(options_.workers, 1);
  for (int i = 0; i < count; ++i) slots_.push_back(std::make_unique<Slot>());
  for (int i = 0; i < count; ++i) workers_.emplace_back([this, i] { work(i); });
  heartbeat_thread_ = std::thread([this] { heartbeats(); });
}

void WorkerPool::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (std::thread& worker : workers_)
    if (worker.joinable()) worker.join();
  {
    std::lock_guard lock(mutex_);
    heartbeats_stopping_ = true;
  }
  wake_.notify_all();
  if (heartbeat_thread_.joinable()) heartbeat_thread_.join();
  queued_jobs_.reset();
}

void WorkerPool::job_queued() {
  {
    std::lock_guard lock(mutex_);
    ++jobs_queued_;
  }
  wake_.notify_all();
}

std::uint64_t WorkerPool::queued_so_far() {
  std::lock_guard lock(mutex_);
  return jobs_queued_;
}

void WorkerPool::wait_for_queued_job(std::uint64_t seen) {
  std::unique_lock lock(mutex_);
  wake_.wait_for(lock, options_.poll_interval, [&] { return stopping_.load() || jobs_queued_ != seen; });
}

void WorkerPool::wait_for(std::chrono::milliseconds duration, const std::atomic<bool>& flag) {
  std::unique_lock lock(mutex_);
  wake_.wait_for(lock, duration, [&] { return flag.load(); });
}

void WorkerPool::work(int index) {
  Slot& slot = *slots_[static_cast<std::size_t>(index)];
  const std::string worker_id = options_.worker_id + "/" + std::to_string(index);
  while (!stopping_) {
    // Taken before asking, so that news of a job queued meanwhile is not slept through.
    const std::uint64_t seen = queued_so_far();
    std::optional<store::LeasedJob> job;
    try {
      job = store_.jobs().lease(worker_id, domain::now(), options_.lease_duration);
    } catch (const store::StoreError& e) {
      spdlog::warn("worker {}: leasing a job failed: {}", worker_id, e.what());
    }
    if (job)
      run(*job, slot, worker_id);
    else
      wait_for_queued_job(seen);
  }
}

void WorkerPool::run(const store::LeasedJob& job, Slot& slot, const std::string& worker_id) {
  spdlog::info("worker {}: {} attempt {} started", worker_id, job_name(job), job.attempts);
  {
    std::lock_guard lock(mutex_);
    slot.lost = false;
    slot.lease = job.token();
  }
  const JobResult result = invoke(job, slot);
  {
    std::lock_guard lock(mutex_);
    slot.lease.reset();
  }
  if (slot.lost) {
    spdlog::warn("worker {}: {} lost its lease; its result is dropped", worker_id, job_name(job));
    return;
  }
  finish(job, result);
}

JobResult WorkerPool::invoke(const store::LeasedJob& job, Slot& slot) {
  const auto handler = handlers_.find(job.kind);
  if (handler == handlers_.end()) return JobResult::failed("no handler for job kind '" + job.kind + "'");
  JobContext context(job, slot.lost, stopping_);
  try {
    return handler->second(context);
  } catch (...) {
    return classify_exception(std::current_exception());
  }
}

void WorkerPool::finish(const store::LeasedJob& job, const JobResult& result) {
  // The database may be unreachable for a moment (a restart, a lock): keep trying for as long as the lease
  // would last, so that the job moves on at once rather than after its lease expires.
  const auto give_up_at = std::chrono::steady_clock::now() + options_.lease_duration;
  std::chrono::milliseconds pause{250};
  for (;;) {
    try {
      if (!record_end(job, result)) spdlog::warn("{} lost its lease before it ended", job_name(job));
      return;
    } catch (const store::StoreError& e) {
      if (stopping_ || std::chrono::steady_clock::now() + pause >= give_up_at) {
        spdlog::error("{}: recording its end failed, it runs again once its lease expires: {}", job_name(job),
                      e.what());
        return;
      }
      spdlog::warn("{}: recording its end failed, trying again: {}", job_name(job), e.what());
      wait_for(pause, stopping_);
      pause = std::min(pause * 2, std::chrono::milliseconds(4000));
    }
  }
}

bool WorkerPool::record_end(const store::LeasedJob& job, const JobResult& result) {
  store::JobRepository& jobs = store_.jobs();
  const store::LeaseToken lease = job.token();
  const domain::Timestamp now = domain::now();
  switch (result.outcome) {
    case JobOutcome::done: return jobs.complete(lease, now);
    case JobOutcome::yield: return jobs.release(lease, now);
    case JobOutcome::wait:
      spdlog::info("{} waits {} s: {}", job_name(job), result.delay.count(), result.error);
      return jobs.postpone(lease, now + result.delay, result.error, now);
    case JobOutcome::failed:
      spdlog::warn("{} failed: {}", job_name(job), result.error);
      return jobs.fail(lease, result.error, now);
    case JobOutcome::retry:
      if (options_.backoff.exhausted(job.attempts)) {
        const std::string error =
            "gave up after " + std::to_string(job.attempts) + " attempts; last error: " + result.error;
        spdlog::warn("{} failed: {}", job_name(job), error);
        return jobs.fail(lease, error, now);
      }
      const auto delay = options_.backoff.delay(job.attempts, uniform_unit());
      spdlog::info("{} retries in {} s: {}", job_name(job), delay.count(), result.error);
      return jobs.retry_later(lease, now + delay, result.error, now);
  }
  return false;
}

void WorkerPool::heartbeats() {
  while (!heartbeats_stopping_) {
    wait_for(options_.heartbeat_interval, heartbeats_stopping_);
    if (heartbeats_stopping_) return;
    std::vector<std::pair<Slot*, store::LeaseToken>> running;
    {
      std::lock_guard lock(mutex_);
      for (const auto& slot : slots_)
        if (slot->lease) running.emplace_back(slot.get(), *slot->lease);
    }
    for (const auto& [slot, lease] : running) {
      bool alive = true;
      try {
        alive = store_.jobs().heartbeat(lease, domain::now(), options_.lease_duration);
      } catch (const store::StoreError& e) {
        spdlog::warn("heartbeat of job {} failed: {}", lease.job_id, e.what());
      }
      if (alive) continue;
      std::lock_guard lock(mutex_);
      if (slot->lease == lease) slot->lost = true;
    }
  }
}

}  // namespace vka::jobs
