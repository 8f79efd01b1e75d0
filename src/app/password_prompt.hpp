#pragma once
// Reads a password for the command line: from the terminal without echo, or one line of stdin when stdin is
// not a terminal (scripts). The password is never printed.
#include <optional>
#include <string>

namespace vka::app {

// `prompt` goes to stderr (only when reading from a terminal). nullopt at end of input.
std::optional<std::string> read_password(const std::string& prompt);

}  // namespace vka::app
