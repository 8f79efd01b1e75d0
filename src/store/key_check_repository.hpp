#pragma once
// The check value of the server's master key (<data_dir>/secret.key), kept in the database: a server
// started with another key than the one the database's API keys, sessions and VK tokens were made with
// (a database restored without its secret.key) notices, instead of refusing every one of them unexplained.
#include <optional>
#include <string>

namespace vka::store {

class KeyCheckRepository {
 public:
  virtual ~KeyCheckRepository() = default;
  virtual std::optional<std::string> stored() = 0;
  // Stores `value` unless a check value is stored already; returns the stored one.
  virtual std::string remember(const std::string& value) = 0;
};

}  // namespace vka::store
