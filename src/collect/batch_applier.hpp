#pragma once
// Applies the results of one VK batch to the task: each page goes to the store with its checkpoint (in
// call order, so a page whose predecessor failed is dropped and read again later), refusals become task
// errors that skip their community or post, and the pending work moves on. Consecutive comment pages of one
// post are written as one page: their comments and authors with the last page's checkpoint. The batch commits
// in one transaction anyway, and a write per post rather than per page spares the store a fence, a progress
// update, an event and the read-model statements per page (their rows merge, too).
#include <optional>
#include <vector>

#include "collect/batch_analysis.hpp"
#include "collect/page_writer.hpp"
#include "collect/planner.hpp"
#include "collect/vk_gateway.hpp"
#include "collect/work.hpp"

namespace vka::collect {

struct BatchReport {
  int progressed = 0;                      // calls whose result was written or settled
  std::optional<vk::VkFailure> transient;  // the first failure worth retrying later
  std::optional<vk::VkFailure> no_token;   // no token can make some call: the task cannot go on
};

class BatchApplier {
 public:
  BatchApplier(PendingWork& work, PageWriter& writer, const PlanOptions& options);
  // `analysis` holds the comment pages of these results. Throws LeaseLost (from the writer) when the job lost
  // its lease.
  BatchReport apply(const std::vector<PlannedCall>& calls, const std::vector<CallResult>& results,
                    BatchAnalysis& analysis);

 private:
  struct Visitor;
  // Comment pages of one post not written yet.
  struct HeldComments {
    std::int64_t owner_id = 0;
    std::int64_t post_id = 0;
    std::vector<domain::Comment> comments;
    std::vector<domain::Author> authors;
    CommentsCheckpoint checkpoint;
    int pages = 0;
  };
  // At most this many pages are held: the first pages are written while the next ones are still analysed
  // (BatchAnalysis), and the write of the last ones waits for less.
  static constexpr int pages_written_together = 3;

  void hold_comments(std::int64_t owner_id, std::int64_t post_id, std::vector<domain::Comment> comments,
                     std::vector<domain::Author> authors, const CommentsCheckpoint& checkpoint);
  bool holds_comments_of(const PlannedCall& call) const;
  void write_held_comments();

  PendingWork& work_;
  PageWriter& writer_;
  PlanOptions options_;
  std::optional<HeldComments> held_;
};

}  // namespace vka::collect
