#pragma once
// The work a task still has, rebuilt from its parameters, its recorded errors and the stored resume
// points; so a job that starts after a crash, a pause or a time slice continues exactly where the last
// committed page left it. Pure.
#include <string>
#include <vector>

#include "collect/work.hpp"
#include "domain/task.hpp"
#include "store/collection_repository.hpp"

namespace vka::collect {

struct RebuiltWork {
  PendingWork work;
  // Checkpoints that could not be decoded; their item restarts from the beginning (writes are
  // idempotent, so this costs requests, not correctness).
  std::vector<std::string> restarted;
};

// A numeric community is settled once its checkpoint is stored or its error recorded; a screen name
// once a stored checkpoint lists it or its error is recorded; a named post once it is stored or its
// error is recorded. Communities and posts not in a final status are resumed from their checkpoints.
// A refresh (domain::is_refreshing), once its walls are read, also reads by id the done posts VK has not
// returned since it started (posts the task names, posts that fell out of posts_per_group), so that their
// counts are current and a changed comments count reopens them; a post VK no longer returns is settled by
// its recorded error.
RebuiltWork rebuild_work(const domain::Task& task, const std::vector<store::CommunityState>& communities,
                         const std::vector<store::PostState>& posts);

}  // namespace vka::collect
