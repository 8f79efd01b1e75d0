#include "app/password_prompt.hpp"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace vka::app {

namespace {

// Turns terminal echo off for as long as it lives.
class EchoOff {
 public:
  EchoOff() {
    if (tcgetattr(STDIN_FILENO, &saved_) != 0) return;
    termios quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    active_ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
  }
  ~EchoOff() {
    if (active_) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
  }
  EchoOff(const EchoOff&) = delete;
  EchoOff& operator=(const EchoOff&) = delete;

 private:
  termios saved_{};
  bool active_ = false;
};

}  // namespace

std::optional<std::string> read_password(const std::string& prompt) {
  std::string line;
  if (isatty(STDIN_FILENO) == 0) {
    if (!std::getline(std::cin, line)) return std::nullopt;
  } else {
    std::fputs(prompt.c_str(), stderr);
    std::fflush(stderr);
    const EchoOff quiet;
    const bool read = static_cast<bool>(std::getline(std::cin, line));
    std::fputs("\n", stderr);
    if (!read) return std::nullopt;
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace vka::app
