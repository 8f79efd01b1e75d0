// Refresh periods from arbitrary text: the parser never crashes, and a period it accepts is at least the
// minimum and reads back the same from its formatted form.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "domain/schedule.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vka::domain;
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (const auto period = parse_refresh_period(text)) {
    if (*period < minimum_refresh_period) std::abort();
    const auto again = parse_refresh_period(format_refresh_period(*period));
    if (!again || *again != *period) std::abort();
  }
  return 0;
}
