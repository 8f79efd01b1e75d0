#include "app/demo.hpp"

#include <spdlog/spdlog.h>

#include "api/task_creation.hpp"
#include "domain/schedule.hpp"
#include "sim/vk_service.hpp"

namespace vka::app {

namespace {
constexpr std::string_view demo_owner = "demo";
constexpr std::string_view demo_token = "demo-token";
}  // namespace

std::unique_ptr<sim::Simulator> start_demo_simulator(Config& config) {
  sim::SimOptions options;
  options.dataset.seed = 7;
  options.rps = static_cast<int>(config.vk_rps);
  options.grow_route = true;  // lets the demo show a refresh; the simulator listens on loopback only
  auto simulator = std::make_unique<sim::Simulator>(options);
  simulator->start();
  config.vk_api_url = simulator->base_url();
  config.vk_token = std::string{demo_token};
  spdlog::info("demo: VK simulator at {}", config.vk_api_url);
  spdlog::info(
      "demo: to see a refresh, grow the simulated data (POST http://127.0.0.1:{}/_sim/grow, see docs/operations.md) "
      "and refresh the task, or wait for its schedule",
      simulator->port());
  return simulator;
}

void create_demo_task(store::Store& store, sim::Simulator& simulator) {
  const auto existing = store.tasks().list({.owner = std::string{demo_owner}, .limit = 1});
  if (!existing.items.empty()) return;
  domain::TaskParams params;
  params.name = "Demo: every simulated community";
  const auto& communities = simulator.service().dataset().communities();
  for (std::size_t i = 0; i < communities.size(); ++i) {
    // Half by screen name, half by id: both kinds of reference get resolved.
    if (i % 2)
      params.groups.push_back(domain::GroupRef{communities[i].id});
    else
      params.groups.push_back(domain::GroupRef{communities[i].screen_name});
  }
  const auto task = api::create_task(store, std::move(params), std::string{demo_owner},
                                     domain::TaskSchedule{domain::minimum_refresh_period});
  spdlog::info("demo: created task {} (every admin key can see it)", task.id);
}

}  // namespace vka::app
