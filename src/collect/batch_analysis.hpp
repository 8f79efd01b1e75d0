#pragma once
// The comment pages of one VK batch, parsed and analysed on a thread of their own in call order while the
// collector's writer stores the pages before them: analysis runs off the writer's thread and out of its
// transaction, on the machine's second core.
#include <cstddef>
#include <future>
#include <optional>
#include <thread>
#include <variant>
#include <vector>

#include "analysis/analyzer.hpp"
#include "collect/vk_gateway.hpp"
#include "collect/work.hpp"
#include "domain/collected.hpp"
#include "vk/types.hpp"

namespace vka::collect {

struct AnalysedPage {
  vk::CommentsPage page;
  std::vector<domain::Comment> comments;  // top_page_comments or branch_page_comments of the page
};

// A failed call, an unparsable page, or the page with its comments.
using AnalysedResult = std::variant<vk::VkFailure, AnalysedPage>;

class BatchAnalysis {
 public:
  // calls and results must outlive the analysis.
  BatchAnalysis(const std::vector<PlannedCall>& calls, const std::vector<CallResult>& results,
                const analysis::Analyzer& analyzer);
  BatchAnalysis(const BatchAnalysis&) = delete;
  BatchAnalysis& operator=(const BatchAnalysis&) = delete;
  // Stops analysing the pages nobody took yet and waits for the thread.
  ~BatchAnalysis();

  // The page of call `index` (a TopCommentsCall or BranchCall), waiting until it is analysed. Once per call.
  AnalysedResult take(std::size_t index);

 private:
  std::vector<std::optional<std::future<AnalysedResult>>> pages_;  // per call; nullopt for other calls
  std::jthread thread_;
};

}  // namespace vka::collect
