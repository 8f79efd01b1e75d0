#pragma once
// The collection workers shared by `serve` and `collect`: the durable queue's worker pool running the
// collector, configured from the VK settings of Config (API URL, version, token, requests per second).
#include <memory>

#include "analysis/analyzer.hpp"
#include "app/config.hpp"
#include "collect/vk_observer.hpp"
#include "http/metrics.hpp"
#include "jobs/worker_pool.hpp"
#include "store/store.hpp"

namespace vka::app {

// `workers` threads (at least one); observer may be null.
std::unique_ptr<jobs::WorkerPool> make_collection_workers(const Config& config, int workers, store::Store& store,
                                                          const analysis::Analyzer& analyzer,
                                                          std::shared_ptr<collect::VkObserver> observer);

// serve's workers, VK traffic reported to /metrics; nullptr when config.workers is 0 (an API-only process).
std::unique_ptr<jobs::WorkerPool> make_workers(const Config& config, store::Store& store,
                                               const analysis::Analyzer& analyzer, http::Metrics& metrics);

}  // namespace vka::app
