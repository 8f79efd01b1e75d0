#pragma once
// The collection workers of `serve`: the durable queue's worker pool running the collector,
// with VK traffic reported to /metrics.
#include <memory>

#include "analysis/analyzer.hpp"
#include "app/config.hpp"
#include "http/metrics.hpp"
#include "jobs/worker_pool.hpp"
#include "store/store.hpp"

namespace vka::app {

// nullptr when config.workers is 0 (an API-only process).
std::unique_ptr<jobs::WorkerPool> make_workers(const Config& config, store::Store& store,
                                               const analysis::Analyzer& analyzer, http::Metrics& metrics);

}  // namespace vka::app
