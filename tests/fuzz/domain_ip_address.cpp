// Webhook addresses from arbitrary text: the check never crashes, and whatever it judges public is an
// address that the C library's own parser accepts whole.
#include <arpa/inet.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "domain/ip_address.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (!vka::domain::is_public_address(text)) return 0;
  unsigned char address[16];
  const bool whole = text.find('\0') == std::string::npos;
  if (!whole || (::inet_pton(AF_INET, text.c_str(), address) != 1 && ::inet_pton(AF_INET6, text.c_str(), address) != 1))
    std::abort();
  return 0;
}
