#include "collect/pending_work.hpp"

#include <set>

#include "collect/error_scope.hpp"

namespace vka::collect {

RebuiltWork rebuild_work(const domain::Task& task, const std::vector<store::CommunityState>& communities,
                         const std::vector<store::PostState>& posts) {
  RebuiltWork out;
  std::set<std::string> error_scopes;
  for (const domain::TaskError& error : task.errors) error_scopes.insert(error.scope);

  std::set<std::int64_t> checkpointed;
  std::set<std::string> resolved_names;
  for (const store::CommunityState& state : communities) {
    if (!state.checkpoint_json) continue;
    auto checkpoint = decode_wall_checkpoint(*state.checkpoint_json);
    if (!checkpoint) {
      out.restarted.push_back(community_scope(state.community_id) + ": " + checkpoint.error());
      if (!store::is_final(state.status)) out.work.lookups.push_back(state.community_id);
      continue;
    }
    checkpointed.insert(state.community_id);
    resolved_names.insert(checkpoint->names.begin(), checkpoint->names.end());
    if (!store::is_final(state.status)) out.work.walls.push_back({state.community_id, *checkpoint});
  }

  std::set<std::int64_t> planned_lookups(out.work.lookups.begin(), out.work.lookups.end());
  for (const domain::GroupRef& ref : task.params.groups) {
    if (const auto* id = std::get_if<std::int64_t>(&ref.value)) {
      if (checkpointed.contains(*id) || error_scopes.contains(community_scope(*id))) continue;
      if (planned_lookups.insert(*id).second) out.work.lookups.push_back(*id);
    } else {
      const std::string& name = std::get<std::string>(ref.value);
      if (resolved_names.contains(name) || error_scopes.contains(screen_name_scope(name))) continue;
      out.work.names.push_back(name);
    }
  }

  std::set<std::pair<std::int64_t, std::int64_t>> stored_posts;
  for (const store::PostState& state : posts) {
    stored_posts.emplace(state.owner_id, state.post_id);
    if (store::is_final(state.status)) continue;
    CommentsLane lane{state.owner_id, state.post_id, {}};
    if (state.checkpoint_json) {
      auto checkpoint = decode_comments_checkpoint(*state.checkpoint_json);
      if (checkpoint) {
        lane.checkpoint = *checkpoint;
      } else {
        out.restarted.push_back(post_scope(state.owner_id, state.post_id) + ": " + checkpoint.error());
      }
    }
    out.work.comments.push_back(std::move(lane));
  }
  for (const domain::PostRef& ref : task.params.posts) {
    if (stored_posts.contains({ref.owner_id, ref.post_id}) ||
        error_scopes.contains(post_scope(ref.owner_id, ref.post_id)))
      continue;
    out.work.named_posts.push_back(ref);
  }
  const bool walls_read = out.work.names.empty() && out.work.lookups.empty() && out.work.walls.empty();
  if (domain::is_refreshing(task) && task.started_at && walls_read) {
    for (const store::PostState& state : posts) {
      if (state.status == store::LinkStatus::done && state.last_seen_at < *task.started_at &&
          !error_scopes.contains(post_scope(state.owner_id, state.post_id)))
        out.work.named_posts.push_back({state.owner_id, state.post_id});
    }
  }
  return out;
}

}  // namespace vka::collect
