#pragma once
// The handler of job kind "collect": takes a task from queued to running, then resolves its communities,
// pages their walls and every post's comments in batches of VK calls, each page written with its
// checkpoint, until the task is complete. It stops (leaving its checkpoints) when the task is paused or
// canceled, when the pool asks it to, and at the end of a time slice so other tasks get their turn. While
// VK or the network is unreachable the task stays running and waits (domain::TaskWaiting says why), its
// job given back for a growing while without using up its attempts.
#include <chrono>
#include <functional>
#include <memory>

#include "analysis/analyzer.hpp"
#include "collect/vk_gateway.hpp"
#include "collect/waiting.hpp"
#include "jobs/job_context.hpp"
#include "jobs/job_result.hpp"
#include "store/store.hpp"
#include "vk/clock.hpp"

namespace vka::collect {

struct CollectorSettings {
  vk::Clock::duration time_slice = std::chrono::seconds(30);
  // While VK or the network is unreachable the task waits, however long that takes, and only permanent
  // causes (no usable token) fail it.
  WaitingPolicy waiting;
  std::size_t max_calls_per_batch = 25;
  // Told what every applied page write added to its task's progress (metrics); may be empty.
  std::function<void(const domain::TaskProgress& counted)> on_stored;
  // The stored VK token a task names (params.vk_token_id), ready to send with; nullopt when it was deleted
  // or cannot be opened. Empty: no stored tokens here, and such a task fails with vk_no_usable_token.
  std::function<std::optional<TokenConfig>(std::string_view token_id)> task_token;
};

class Collector {
 public:
  // All references must outlive the collector; `clock` measures the time slice.
  Collector(store::Store& store, const analysis::Analyzer& analyzer, std::shared_ptr<VkGateway> gateway,
            vk::Clock& clock, CollectorSettings settings = {});

  jobs::JobResult run(jobs::JobContext& context);

 private:
  jobs::JobResult collect(jobs::JobContext& context, const domain::Task& task);
  jobs::JobResult finish(const std::string& task_id);
  jobs::JobResult fail_task(const std::string& task_id, const std::string& code, const std::string& message,
                            std::optional<int> vk_error_code = std::nullopt);
  // `current`: the running task as read before the batch that failed with `cause`.
  jobs::JobResult wait(const domain::Task& current, const vk::VkFailure& cause);
  void stop_waiting(const std::string& task_id);

  store::Store& store_;
  const analysis::Analyzer& analyzer_;
  std::shared_ptr<VkGateway> gateway_;
  vk::Clock& clock_;
  CollectorSettings settings_;
};

// The task id of a collect job: the job's task, else {"task_id": "..."} in its payload.
std::optional<std::string> collect_task_id(const jobs::JobContext& context);

}  // namespace vka::collect
