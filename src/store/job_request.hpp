#pragma once
// A job to enqueue in the same transaction as the write that causes it.
#include <string>

#include "domain/time.hpp"

namespace vka::store {

struct NewJob {
  std::string kind;                 // e.g. "collect"
  std::string payload_json = "{}";  // a JSON object, stored as given
  int priority = 0;                 // higher runs first
  domain::Timestamp run_after;      // not before this instant
};

}  // namespace vka::store
