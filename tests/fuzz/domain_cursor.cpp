// Cursor decoding on arbitrary text: never crashes, and what it accepts survives a round trip.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "domain/cursor.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vka::domain;
  constexpr std::string_view scope = "fuzz";
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (const auto position = decode_cursor(scope, text)) {
    const auto again = decode_cursor(scope, encode_cursor(scope, *position));
    if (!again || *again != *position) std::abort();
  }
  return 0;
}
