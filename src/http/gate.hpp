#pragma once
// Admission of a request on its header alone, before its body is read: who calls, and whether
// they are within their limits.
#include <memory>

#include "http/message.hpp"
#include "http/router.hpp"

namespace vka::http {

class Gate {
 public:
  virtual ~Gate() = default;
  // `request` has no body yet; `route` is the one it reaches. Throws ApiError to refuse (401,
  // 429). What it returns is held until the response has been sent (a concurrency slot).
  virtual std::shared_ptr<void> admit(const Request& request, const Route& route) const = 0;
};

}  // namespace vka::http
