#pragma once
// A small deterministic generator (SplitMix64): the same seed gives the same dataset on every
// platform, unlike the standard distributions whose algorithms are implementation-defined.
#include <cstdint>
#include <span>
#include <string_view>

namespace vka::sim {

// Mixes any number of values into one seed, so that independent streams (one per post, one per
// request) need no shared state.
std::uint64_t mix(std::uint64_t a, std::uint64_t b);
std::uint64_t hash_text(std::string_view text);

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next();
  // Uniform in [low, high]; requires low <= high.
  std::int64_t between(std::int64_t low, std::int64_t high);
  double unit();  // uniform in [0, 1)
  bool chance(double probability) { return unit() < probability; }
  // Exponential with the given mean (inter-arrival gaps).
  double exponential(double mean);
  // Pareto-like heavy tail with the given mean and shape > 1, capped at `cap`.
  std::int64_t heavy_tail(double mean, double shape, std::int64_t cap);

  template <typename T>
  const T& pick(std::span<const T> items) {
    return items[static_cast<std::size_t>(between(0, static_cast<std::int64_t>(items.size()) - 1))];
  }

 private:
  std::uint64_t state_;
};

}  // namespace vka::sim
