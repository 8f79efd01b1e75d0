#include "collect/batch_analysis.hpp"

#include <algorithm>
#include <stdexcept>

#include "collect/comment_paging.hpp"
#include "vk/parse.hpp"

namespace vka::collect {

namespace {

AnalysedResult analyse(const CallTag& tag, const CallResult& result, const analysis::Analyzer& analyzer) {
  if (const auto* failure = std::get_if<vk::VkFailure>(&result)) return *failure;
  auto page = vk::parse_wall_get_comments(std::get<vk::Payload>(result));
  if (!page) return vk::failure_from(page.error());
  AnalysedPage analysed{std::move(page).value(), {}};
  if (const auto* branch = std::get_if<BranchCall>(&tag)) {
    analysed.comments = branch_page_comments(analysed.page, branch->comment_id, analyzer);
  } else {
    analysed.comments = top_page_comments(analysed.page, analyzer);
  }
  return analysed;
}

bool is_comments_call(const CallTag& tag) {
  return std::holds_alternative<TopCommentsCall>(tag) || std::holds_alternative<BranchCall>(tag);
}

}  // namespace

BatchAnalysis::BatchAnalysis(const std::vector<PlannedCall>& calls, const std::vector<CallResult>& results,
                             const analysis::Analyzer& analyzer) {
  const std::size_t count = std::min(calls.size(), results.size());
  pages_.resize(count);
  std::vector<std::pair<std::size_t, std::promise<AnalysedResult>>> promised;
  for (std::size_t i = 0; i < count; ++i) {
    if (!is_comments_call(calls[i].tag)) continue;
    promised.emplace_back(i, std::promise<AnalysedResult>());
    pages_[i] = promised.back().second.get_future();
  }
  if (promised.empty()) return;
  thread_ = std::jthread([&calls, &results, &analyzer, promised = std::move(promised)](std::stop_token stop) mutable {
    for (auto& [index, promise] : promised) {
      if (stop.stop_requested()) return;  // the collector has stopped taking pages
      try {
        promise.set_value(analyse(calls[index].tag, results[index], analyzer));
      } catch (...) {
        promise.set_exception(std::current_exception());
      }
    }
  });
}

BatchAnalysis::~BatchAnalysis() { thread_.request_stop(); }

AnalysedResult BatchAnalysis::take(std::size_t index) {
  if (index >= pages_.size() || !pages_[index] || !pages_[index]->valid())
    throw std::logic_error("no analysed comments page for this call, or it was taken before");
  return pages_[index]->get();
}

}  // namespace vka::collect
