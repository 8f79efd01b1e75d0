#include "app/exit_codes.hpp"

#include <fmt/format.h>

#include <cstdio>

#include "store/error.hpp"

namespace vka::app {

int run_command(std::string_view program, const std::function<int()>& command) {
  const auto say = [&](std::string_view line) { fmt::print(stderr, "{}: {}\n", program, line); };
  try {
    return command();
  } catch (const UsageError& error) {
    say(error.what());
    return exit_usage;
  } catch (const store::StoreError& error) {
    say(fmt::format("database: {}", error.what()));
    return exit_failure;
  } catch (const std::exception& error) {
    say(error.what());
    return exit_failure;
  }
}

}  // namespace vka::app
