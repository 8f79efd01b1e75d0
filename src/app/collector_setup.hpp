#pragma once
// The collection workers shared by `serve` and `collect`: the durable queue's worker pool running the
// collector, configured from the VK settings of Config (API URL, version, token, requests per second).
#include <functional>
#include <memory>

#include "analysis/analyzer.hpp"
#include "app/config.hpp"
#include "auth/vk_token_vault.hpp"
#include "collect/vk_observer.hpp"
#include "http/metrics.hpp"
#include "jobs/worker_pool.hpp"
#include "store/store.hpp"

namespace vka::app {

// `workers` threads (at least one). vault opens the stored tokens tasks name (null: none can be used here);
// observer and on_stored (told what each page write added) may be empty.
std::unique_ptr<jobs::WorkerPool> make_collection_workers(
    const Config& config, int workers, store::Store& store, const analysis::Analyzer& analyzer,
    const auth::VkTokenVault* vault, std::shared_ptr<collect::VkObserver> observer,
    std::function<void(const domain::TaskProgress&)> on_stored = {});

// serve's workers, VK traffic reported to /metrics; nullptr when config.workers is 0 (an API-only process).
std::unique_ptr<jobs::WorkerPool> make_workers(const Config& config, store::Store& store,
                                               const analysis::Analyzer& analyzer, const auth::VkTokenVault& vault,
                                               http::Metrics& metrics);

}  // namespace vka::app
