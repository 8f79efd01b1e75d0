#pragma once
// `vk-analytics users create|list|set-role|disable|reset-password`: accounts from the server's shell.
// Passwords are read with read_password (no echo; stdin when it is not a terminal).
#include <string>

#include "app/config.hpp"

namespace CLI {
class App;
}

namespace vka::app {

class UsersCommand {
 public:
  void add_to(CLI::App& command);
  int run(const Config& config) const;

 private:
  CLI::App* create_ = nullptr;
  CLI::App* list_ = nullptr;
  CLI::App* set_role_ = nullptr;
  CLI::App* disable_ = nullptr;
  CLI::App* reset_password_ = nullptr;
  std::string username_;
  std::string role_;
  std::string display_name_;
  bool must_change_password_ = false;
};

}  // namespace vka::app
