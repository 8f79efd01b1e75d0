#pragma once

namespace vka::app {

inline constexpr int exit_ok = 0;
inline constexpr int exit_failure = 1;
inline constexpr int exit_usage = 2;  // bad flags, bad configuration, port in use

}  // namespace vka::app
