// Pacer accuracy on a virtual clock (achieved rate against the limit, saturated) and the real-clock
// cost of one uncontended acquire().
#include <benchmark/benchmark.h>

#include "vk/pacer.hpp"

namespace {

using namespace std::chrono_literals;
using namespace vka::vk;

void BM_PacerAccuracyVirtual(benchmark::State& state) {
  const auto limit = static_cast<std::size_t>(state.range(0));
  double achieved = 0;
  for (auto _ : state) {
    VirtualClock clock;
    Pacer pacer({.requests_per_window = limit, .window = 1s, .safety_margin = 50ms}, clock);
    constexpr int kGrants = 10000;
    const auto start = pacer.acquire("task");
    Clock::time_point last = start;
    for (int i = 1; i < kGrants; ++i) last = pacer.acquire(i % 2 ? "a" : "b");
    achieved = (kGrants - 1) / std::chrono::duration<double>(last - start).count();
  }
  state.counters["limit_per_s"] = static_cast<double>(limit);
  state.counters["achieved_per_s"] = achieved;
  state.counters["ratio"] = achieved / static_cast<double>(limit);
}
BENCHMARK(BM_PacerAccuracyVirtual)->Arg(3)->Arg(20)->Unit(benchmark::kMillisecond);

void BM_PacerAcquireRealClock(benchmark::State& state) {
  SteadyClock clock;
  // A window no caller can fill, so this measures bookkeeping and locking, not waiting.
  Pacer pacer({.requests_per_window = 1 << 16, .window = 1us, .safety_margin = 0us}, clock);
  for (auto _ : state) benchmark::DoNotOptimize(pacer.acquire("task"));
}
BENCHMARK(BM_PacerAcquireRealClock);

}  // namespace
