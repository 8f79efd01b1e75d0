#include "sim/fault_plan.hpp"

#include "sim/random.hpp"

namespace vka::sim {

std::optional<FaultDecision> plan_fault(std::uint64_t seed, std::string_view token, std::uint64_t request_number,
                                        double rate, std::span<const Fault> faults) {
  if (rate <= 0 || faults.empty()) return std::nullopt;
  Rng rng{mix(mix(seed, hash_text(token)), request_number)};
  if (!rng.chance(rate)) return std::nullopt;
  const auto& fault = rng.pick(faults);
  return FaultDecision{fault, rng.next()};
}

std::size_t truncated_length(std::size_t size, std::uint64_t detail) {
  if (size <= 1) return 0;
  return 1 + static_cast<std::size_t>(detail % (size - 1));
}

}  // namespace vka::sim
