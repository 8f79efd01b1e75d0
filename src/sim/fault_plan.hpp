#pragma once
// Which requests fail and how (--fault-rate, --faults): a pure function of the seed, the token
// and the token's request number, so a rerun with the same traffic sees the same faults.
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "sim/options.hpp"

namespace vka::sim {

struct FaultDecision {
  Fault fault;
  std::uint64_t detail;  // picks 502 or 503, and where a truncated body is cut
};

std::optional<FaultDecision> plan_fault(std::uint64_t seed, std::string_view token, std::uint64_t request_number,
                                        double rate, std::span<const Fault> faults);

// The prefix of a JSON body a truncated response keeps: at least one byte, never all of them.
std::size_t truncated_length(std::size_t size, std::uint64_t detail);

}  // namespace vka::sim
