#include "api/task_refresh.hpp"

#include "api/task_creation.hpp"
#include "collect/checkpoint.hpp"
#include "domain/task_state.hpp"

namespace vka::api {

namespace {

// Each finished wall starts again from its newest post, keeping the screen names that led to it.
std::vector<store::WallRestart> wall_restarts(store::Store& store, const std::string& task_id) {
  std::vector<store::WallRestart> restarts;
  for (const store::CommunityState& state : store.collection().communities(task_id)) {
    if (state.status != store::LinkStatus::done) continue;
    collect::WallCheckpoint restart;
    if (state.checkpoint_json) {
      // Unreadable: the names resolve again, which costs a request, not correctness.
      if (auto stored = collect::decode_wall_checkpoint(*state.checkpoint_json)) restart.names = stored->names;
    }
    restarts.push_back({state.community_id, collect::encode(restart)});
  }
  return restarts;
}

}  // namespace

store::TransitionResult start_refresh(store::Store& store, const domain::Task& task) {
  const auto to = domain::transition(task.status, domain::TaskAction::refresh);
  if (!to) return {store::TransitionResult::Outcome::status_changed, task, std::nullopt};
  const auto now = domain::now();
  return store.tasks().transition(task.id, {.from = task.status,
                                            .to = *to,
                                            .at = now,
                                            .started_at = now,
                                            .event = {"task.refresh_started", "{}"},
                                            .job = collect_job(task.id),
                                            .restart_walls = wall_restarts(store, task.id)});
}

}  // namespace vka::api
