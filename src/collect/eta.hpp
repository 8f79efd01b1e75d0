#pragma once
// Seconds left for a task, from the comments still expected and the throughput of this run. Pure.
#include <cstdint>
#include <optional>

#include "domain/task.hpp"
#include "vk/clock.hpp"

namespace vka::collect {

class EtaEstimator {
 public:
  EtaEstimator(const domain::TaskProgress& at_start, vk::Clock::time_point started);
  void add(const domain::TaskProgress& counted);
  // nullopt until the run has collected something over a measurable time, and while no comment known of
  // is left to collect.
  std::optional<std::int64_t> eta_seconds(vk::Clock::time_point now) const;

 private:
  std::int64_t expected_;
  std::int64_t collected_;
  std::int64_t collected_this_run_ = 0;
  vk::Clock::time_point started_;
};

}  // namespace vka::collect
