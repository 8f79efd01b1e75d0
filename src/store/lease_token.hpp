#pragma once
// The fencing token of a job lease: a write carrying it is applied only while the job is still leased
// under that generation, so a worker whose lease expired and was taken over can no longer write.
#include <cstdint>

namespace vka::store {

struct LeaseToken {
  std::int64_t job_id = 0;
  std::int64_t generation = 0;
  bool operator==(const LeaseToken&) const = default;
};

}  // namespace vka::store
