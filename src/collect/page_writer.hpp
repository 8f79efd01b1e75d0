#pragma once
// The collector's store writes for one job run: each page with its checkpoint, the progress it adds (the
// VK requests and retries made since the previous write, the ETA) and its domain event, in one fenced
// transaction. Throws LeaseLost when the job's lease is gone: another worker owns the task now.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "collect/checkpoint.hpp"
#include "collect/eta.hpp"
#include "store/store.hpp"
#include "vk/clock.hpp"

namespace vka::collect {

struct LeaseLost {};

class PageWriter {
 public:
  PageWriter(store::Store& store, std::string task_id, store::LeaseToken lease,
             const domain::TaskProgress& progress_at_start, vk::Clock& clock,
             std::function<void(const domain::TaskProgress&)> on_stored = {});

  // VK traffic to report with the next write.
  void count_requests(std::int64_t vk_requests, std::int64_t retries);

  void link_communities(std::vector<store::CommunityLink> links);
  // A page of a community's wall ("post.collected").
  store::WriteResult save_wall(std::int64_t community_id, const std::vector<domain::Post>& posts,
                               std::vector<domain::Author> authors, const WallCheckpoint& checkpoint, bool done);
  // The first checkpoint of a community just resolved ("group.resolved"); the community must be linked.
  void save_resolved(const domain::Community& community, const WallCheckpoint& checkpoint);
  // Posts the task names one by one.
  store::WriteResult save_named_posts(const std::vector<domain::Post>& posts, std::vector<domain::Author> authors);
  store::WriteResult save_comments(std::int64_t owner_id, std::int64_t post_id, std::vector<domain::Comment> comments,
                                   std::vector<domain::Author> authors, const CommentsCheckpoint& checkpoint);
  void skip_community(std::int64_t community_id, store::LinkStatus status, domain::TaskError error);
  void skip_post(std::int64_t owner_id, std::int64_t post_id, store::LinkStatus status, domain::TaskError error);
  // Reports counted VK traffic no page write carried (a batch that wrote nothing).
  void flush();
  // Tells on_stored what the writes since the last call added. Call it once they are committed (the
  // collector commits a batch's writes together), so that a rolled-back batch is never reported.
  void report_committed();

  const std::string& task_id() const { return task_id_; }

 private:
  store::RequestCounters take_counters();
  store::WriteResult write_wall(std::int64_t community_id, const std::vector<domain::Post>& posts,
                                std::vector<domain::Author> authors, const WallCheckpoint& checkpoint, bool done,
                                store::EventBuilder event);
  store::WriteResult checked(store::WriteResult result);

  store::Store& store_;
  std::string task_id_;
  store::LeaseToken lease_;
  vk::Clock& clock_;
  EtaEstimator eta_;
  std::function<void(const domain::TaskProgress&)> on_stored_;
  std::vector<domain::TaskProgress> uncommitted_;  // what writes counted, not yet reported
  store::RequestCounters pending_;
};

}  // namespace vka::collect
