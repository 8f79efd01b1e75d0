#pragma once
// `vk-analytics api-keys create|list|revoke`.
#include <string>

#include "app/config.hpp"

namespace CLI {
class App;
}

namespace vka::app {

class ApiKeysCommand {
 public:
  void add_to(CLI::App& command);
  int run(const Config& config) const;

 private:
  CLI::App* create_ = nullptr;
  CLI::App* list_ = nullptr;
  CLI::App* revoke_ = nullptr;
  std::string role_;
  std::string name_;
  std::string username_;
  std::string id_;
};

}  // namespace vka::app
