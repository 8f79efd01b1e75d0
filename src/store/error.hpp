#pragma once
// The one exception type the store throws. Its message is safe to show a client: it never holds
// SQL text, parameters, connection strings or secrets (engines log the detail separately).
#include <stdexcept>
#include <string>

namespace vka::store {

enum class StoreErrorKind {
  invalid_url,  // the database URL cannot be understood
  unsupported,  // an engine or feature this build does not have
  unavailable,  // the database cannot be opened or reached, is busy past its timeout, or is out of space
  conflict,     // a uniqueness or other constraint rejected the write
  corrupt,      // stored data is not what the schema promises
  internal,     // anything else: a bug on our side
};

class StoreError : public std::runtime_error {
 public:
  StoreError(StoreErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  StoreErrorKind kind() const noexcept { return kind_; }

 private:
  StoreErrorKind kind_;
};

}  // namespace vka::store
