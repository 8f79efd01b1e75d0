#pragma once
// How long a task waits before it tries VK again while VK or the network is unreachable. There is no limit
// on how often: the waits grow with the outage (each about as long as the task has waited so far, so they
// double) from `first` up to `cap`, with jitter so that tasks waiting together do not come back together.
#include <chrono>

namespace vka::collect {

struct WaitingPolicy {
  std::chrono::seconds first{1};
  std::chrono::seconds cap{60};

  // waited: how long the task has been waiting so far; unit: a uniform random number in [0, 1).
  // Between half and all of clamp(waited, first, cap), rounded up to whole seconds.
  std::chrono::seconds delay(std::chrono::seconds waited, double unit) const;
};

}  // namespace vka::collect
