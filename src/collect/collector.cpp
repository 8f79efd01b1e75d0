#include "collect/collector.hpp"

#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include <random>

#include "collect/batch_analysis.hpp"
#include "collect/batch_applier.hpp"
#include "collect/error_scope.hpp"
#include "collect/page_writer.hpp"
#include "collect/pending_work.hpp"
#include "collect/planner.hpp"
#include "collect/progress_json.hpp"
#include "domain/task_state.hpp"

namespace vka::collect {

namespace json = boost::json;

namespace {

std::vector<store::PostState> all_posts(store::Store& store, const std::string& task_id) {
  std::vector<store::PostState> posts;
  store::PostStateQuery query{task_id, false, std::nullopt, 1000};
  for (;;) {
    auto page = store.collection().posts(query);
    const bool last = page.size() < static_cast<std::size_t>(query.limit);
    if (!page.empty()) query.after = std::make_pair(page.back().owner_id, page.back().post_id);
    posts.insert(posts.end(), page.begin(), page.end());
    if (last) return posts;
  }
}

// Moves a running task to its end status; false when its status changed meanwhile. A refresh that completes
// says so with "task.refreshed" (instead of `event_type`) and sets last_refreshed_at.
bool end_task(store::Store& store, const std::string& task_id, domain::TaskAction action,
              const std::string& event_type) {
  const auto task = store.tasks().get(task_id);
  if (!task || task->status != domain::TaskStatus::running) return false;
  const auto to = domain::transition(task->status, action);
  if (!to) return false;
  const auto now = domain::now();
  const bool refreshed = domain::is_refreshing(*task) && action != domain::TaskAction::fail;
  json::object payload{{"status", domain::to_string(*to)}, {"progress", progress_to_json(task->progress, true)}};
  store::TaskTransition change{
      task->status, *to, now,
      std::nullopt, now, store::NewEvent{refreshed ? "task.refreshed" : event_type, json::serialize(payload)},
      std::nullopt};
  change.refreshed = refreshed;
  return store.tasks().transition(task_id, change).outcome == store::TransitionResult::Outcome::applied;
}

// Jitter for the waits.
double jitter_unit() {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
}

}  // namespace

std::optional<std::string> collect_task_id(const jobs::JobContext& context) {
  if (context.task_id()) return context.task_id();
  boost::system::error_code ec;
  const json::value payload = json::parse(context.payload_json(), ec);
  if (ec || !payload.is_object()) return std::nullopt;
  const json::value* id = payload.as_object().if_contains("task_id");
  if (id == nullptr || !id->is_string() || id->as_string().empty()) return std::nullopt;
  return std::string(id->as_string());
}

Collector::Collector(store::Store& store, const analysis::Analyzer& analyzer, std::shared_ptr<VkGateway> gateway,
                     vk::Clock& clock, CollectorSettings settings)
    : store_(store), analyzer_(analyzer), gateway_(std::move(gateway)), clock_(clock), settings_(settings) {}

jobs::JobResult Collector::run(jobs::JobContext& context) {
  const auto task_id = collect_task_id(context);
  if (!task_id) return jobs::JobResult::failed("a collect job needs a task id ({\"task_id\": \"...\"})");
  auto task = store_.tasks().get(*task_id);
  if (!task) return jobs::JobResult::done();  // removed meanwhile
  if (task->status == domain::TaskStatus::queued) {
    const auto now = domain::now();
    store::TaskTransition start{domain::TaskStatus::queued,
                                domain::TaskStatus::running,
                                now,
                                task->started_at ? std::nullopt : std::optional(now),
                                std::nullopt,
                                store::NewEvent{"task.started", "{}"},
                                std::nullopt};
    const auto started = store_.tasks().transition(*task_id, start);
    if (started.outcome == store::TransitionResult::Outcome::not_found) return jobs::JobResult::done();
    task = started.task;
  }
  if (!task || task->status != domain::TaskStatus::running) return jobs::JobResult::done();
  try {
    return collect(context, *task);
  } catch (const LeaseLost&) {
    return jobs::JobResult::done();  // another worker owns the task now; the pool ignores this result
  }
}

jobs::JobResult Collector::collect(jobs::JobContext& context, const domain::Task& task) {
  const auto slice_end = clock_.now() + settings_.time_slice;
  RebuiltWork rebuilt = rebuild_work(task, store_.collection().communities(task.id), all_posts(store_, task.id));
  for (const std::string& problem : rebuilt.restarted)
    spdlog::warn("task {}: restarting from the beginning, unreadable checkpoint ({})", task.id, problem);
  PendingWork& work = rebuilt.work;

  PlanOptions options;
  options.max_calls = settings_.max_calls_per_batch;
  options.window = {task.params.posts_per_group, task.params.since, task.params.until};
  options.follow_threads = task.params.threads;
  PageWriter writer(store_, task.id, context.lease(), task.progress, clock_, settings_.on_stored);
  BatchApplier applier(work, writer, options);
  const std::function<bool()> stop = [&context] { return context.should_stop(); };
  std::optional<std::size_t> own_token;
  if (task.params.vk_token_id) {
    auto token = settings_.task_token ? settings_.task_token(*task.params.vk_token_id) : std::nullopt;
    if (!token) {
      return fail_task(task.id, "vk_no_usable_token",
                       "the task's VK token " + *task.params.vk_token_id + " was deleted or cannot be decrypted here");
    }
    own_token = gateway_->use_token(std::move(*token));
  }

  for (;;) {
    if (work.empty() && domain::is_refreshing(task)) {
      // A refresh whose walls are now read has posts to re-read by id: what the store says is left, given the
      // errors recorded since the job started (a post VK no longer returns is settled by its error).
      writer.flush();
      if (const auto current = store_.tasks().get(task.id))
        work = rebuild_work(*current, store_.collection().communities(task.id), all_posts(store_, task.id)).work;
    }
    if (work.empty()) return finish(task.id);
    if (context.should_stop() || clock_.now() >= slice_end) {
      writer.flush();
      return jobs::JobResult::yield();
    }
    const auto current = store_.tasks().get(task.id);
    if (!current || current->status != domain::TaskStatus::running) {
      writer.flush();
      // Paused and resumed while this job held its lease: resuming could not enqueue a second live
      // job, so this one goes back to the queue and starts the task again.
      if (current && current->status == domain::TaskStatus::queued) return jobs::JobResult::yield();
      return jobs::JobResult::done();
    }

    const std::vector<PlannedCall> calls = plan_batch(work, options);
    std::vector<vk::Request> requests;
    requests.reserve(calls.size());
    for (const PlannedCall& call : calls) requests.push_back(call.request);
    const BatchResult sent = gateway_->send(requests, task.id, stop, own_token);
    writer.count_requests(sent.vk_requests, sent.retries);
    // The batch's pages commit in one transaction: per-page commits made the store the loop's bottleneck.
    // A crash loses the whole batch, and the job resumes from the checkpoints written before it. The
    // comments are analysed on a second thread meanwhile, in call order: the first pages are written while
    // the next ones are analysed.
    BatchAnalysis analysis(calls, sent.calls, analyzer_);
    BatchReport report;
    store_.write_together([&] {
      report = applier.apply(calls, sent.calls, analysis);
      writer.flush();
    });
    writer.report_committed();

    if (report.no_token)
      return fail_task(task.id, "vk_no_usable_token", report.no_token->message, report.no_token->vk_error_code);
    if (report.transient && report.progressed == 0) {
      if (context.should_stop()) return jobs::JobResult::yield();
      return wait(*current, *report.transient);
    }
    if (current->waiting) stop_waiting(task.id);
  }
}

jobs::JobResult Collector::finish(const std::string& task_id) {
  const auto task = store_.tasks().get(task_id);
  if (!task) return jobs::JobResult::done();
  const bool with_errors = !task->errors.empty();
  end_task(store_, task_id, with_errors ? domain::TaskAction::complete_with_errors : domain::TaskAction::complete,
           "task.completed");
  return jobs::JobResult::done();
}

jobs::JobResult Collector::fail_task(const std::string& task_id, const std::string& code, const std::string& message,
                                     std::optional<int> vk_error_code) {
  spdlog::error("task {} failed: {} ({})", task_id, message, code);
  store_.tasks().add_error(task_id, {std::string(task_scope), code, vk_error_code, message, domain::now()},
                           {"task.error", json::serialize(json::object{{"code", code}, {"message", message}})});
  end_task(store_, task_id, domain::TaskAction::fail, "task.failed");
  return jobs::JobResult::failed(message);  // counted among the failed jobs, which operators alert on
}

jobs::JobResult Collector::wait(const domain::Task& current, const vk::VkFailure& cause) {
  const auto now = domain::now();
  const domain::TaskWaiting waiting{cause.message, current.waiting ? current.waiting->since : now};
  const auto breaker = std::chrono::ceil<std::chrono::seconds>(gateway_->paused_for());
  const auto delay = std::max(settings_.waiting.delay(now - waiting.since, jitter_unit()), breaker);
  if (!current.waiting || current.waiting->reason != waiting.reason)
    spdlog::warn("task {} waits: {} (retrying in {} s)", current.id, waiting.reason, delay.count());
  json::object payload{{"reason", waiting.reason}, {"code", cause.code}, {"retry_in_seconds", delay.count()}};
  store_.tasks().set_waiting(current.id, waiting, now, {"task.waiting", json::serialize(payload)});
  return jobs::JobResult::wait(waiting.reason, delay);
}

void Collector::stop_waiting(const std::string& task_id) {
  spdlog::info("task {} collects again", task_id);
  store_.tasks().set_waiting(task_id, std::nullopt, domain::now(), {"task.waiting", R"({"reason":null})"});
}

}  // namespace vka::collect
