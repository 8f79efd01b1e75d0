#pragma once
// Idempotency-Key bookkeeping: the first request with a key runs, later ones replay its response.
#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/time.hpp"

namespace vka::store {

// Entries older than this are treated as absent and purged.
inline constexpr std::chrono::hours idempotency_ttl{24};
// A request still in flight after this long was cut off (its process died before complete() or abandon()):
// its key is free again rather than blocked for the whole ttl. No request of the API runs nearly this long.
inline constexpr std::chrono::minutes idempotency_in_flight_limit{10};

struct StoredResponse {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;  // bytes, exactly as sent
  bool operator==(const StoredResponse&) const = default;
};

struct IdempotencyBegin {
  enum class Outcome {
    started,    // no live entry: the caller runs the request, then complete() or abandon()
    in_flight,  // the first request with this key has not finished
    replay,     // finished before with the same request: response holds what it answered
    mismatch,   // the key was used with a different request
  };
  Outcome outcome = Outcome::started;
  StoredResponse response;  // only for replay
};

class IdempotencyRepository {
 public:
  virtual ~IdempotencyRepository() = default;
  virtual IdempotencyBegin begin(std::string_view owner, std::string_view key, std::string_view request_hash,
                                 domain::Timestamp now) = 0;
  // Stores the response of a started request; false when the entry is gone (abandoned or expired).
  virtual bool complete(std::string_view owner, std::string_view key, const StoredResponse& response) = 0;
  // Forgets an in-flight entry so that a retry runs again.
  virtual void abandon(std::string_view owner, std::string_view key) = 0;
};

}  // namespace vka::store
