#include "app/stop_signals.hpp"

#include <pthread.h>

#include <cerrno>
#include <ctime>

namespace vka::app {

StopSignals::StopSignals() {
  sigemptyset(&signals_);
  sigaddset(&signals_, SIGINT);
  sigaddset(&signals_, SIGTERM);
  sigaddset(&signals_, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &signals_, nullptr);
}

int StopSignals::wait() const {
  int received = 0;
  sigwait(&signals_, &received);
  return received;
}

std::optional<int> StopSignals::wait_for(std::chrono::milliseconds timeout) const {
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(timeout);
  const timespec wait{.tv_sec = static_cast<time_t>(seconds.count()),
                      .tv_nsec = static_cast<long>(std::chrono::nanoseconds{timeout - seconds}.count())};
  for (;;) {
    const int received = sigtimedwait(&signals_, nullptr, &wait);
    if (received > 0) return received;
    if (errno != EINTR) return std::nullopt;  // EAGAIN: the time is up
  }
}

const char* signal_name(int signal) {
  switch (signal) {
    case SIGTERM: return "SIGTERM";
    case SIGHUP: return "SIGHUP";
    default: return "SIGINT";
  }
}

}  // namespace vka::app
