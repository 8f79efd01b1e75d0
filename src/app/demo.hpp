#pragma once
// `serve --demo`: the built-in VK simulator in this process, the collector pointed at it, and a
// sample task, so that a newcomer sees data flow with no VK account.
#include <memory>

#include "app/config.hpp"
#include "sim/simulator.hpp"
#include "store/store.hpp"

namespace vka::app {

// Starts the simulator on a free local port and points config at it (API URL, a demo token).
std::unique_ptr<sim::Simulator> start_demo_simulator(Config& config);
// Creates the sample task over the simulator's communities, unless the demo made one before.
void create_demo_task(store::Store& store, sim::Simulator& simulator);

}  // namespace vka::app
