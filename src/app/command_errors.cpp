#include "app/command_errors.hpp"

#include <cstdio>
#include <stdexcept>

#include "app/exit_codes.hpp"
#include "store/error.hpp"

namespace vka::app {

int run_reporting_errors(const std::function<int()>& command) {
  try {
    return command();
  } catch (const store::StoreError& error) {
    std::fprintf(stderr, "vk-analytics: database: %s\n", error.what());
  } catch (const std::runtime_error& error) {
    std::fprintf(stderr, "vk-analytics: %s\n", error.what());
  }
  return exit_failure;
}

}  // namespace vka::app
