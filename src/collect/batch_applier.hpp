#pragma once
// Applies the results of one VK batch to the task: each page goes to the store with its checkpoint (in
// call order, so a page whose predecessor failed is dropped and read again later), refusals become task
// errors that skip their community or post, and the pending work moves on.
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

  PendingWork& work_;
  PageWriter& writer_;
  PlanOptions options_;
};

}  // namespace vka::collect
