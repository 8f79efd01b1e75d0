#include "domain/ip_address.hpp"

#include <arpa/inet.h>

#include <array>
#include <cstdint>
#include <string>

namespace vka::domain {

namespace {

struct Range {
  std::uint32_t base;
  int prefix;
};

constexpr std::uint32_t v4(int a, int b, int c, int d) {
  return (static_cast<std::uint32_t>(a) << 24) | (static_cast<std::uint32_t>(b) << 16) |
         (static_cast<std::uint32_t>(c) << 8) | static_cast<std::uint32_t>(d);
}

constexpr std::array<Range, 15> non_public_v4{{
    {v4(0, 0, 0, 0), 8},        // "this network"
    {v4(10, 0, 0, 0), 8},       // private
    {v4(100, 64, 0, 0), 10},    // shared address space (carrier-grade NAT)
    {v4(127, 0, 0, 0), 8},      // loopback
    {v4(169, 254, 0, 0), 16},   // link-local, cloud metadata
    {v4(172, 16, 0, 0), 12},    // private
    {v4(192, 0, 0, 0), 24},     // protocol assignments
    {v4(192, 0, 2, 0), 24},     // documentation
    {v4(192, 88, 99, 0), 24},   // 6to4 relay anycast
    {v4(192, 168, 0, 0), 16},   // private
    {v4(198, 18, 0, 0), 15},    // benchmarking
    {v4(198, 51, 100, 0), 24},  // documentation
    {v4(203, 0, 113, 0), 24},   // documentation
    {v4(224, 0, 0, 0), 4},      // multicast
    {v4(240, 0, 0, 0), 4},      // reserved, broadcast
}};

bool is_public_v4(std::uint32_t address) {
  for (const Range& range : non_public_v4) {
    const std::uint32_t mask = range.prefix == 0 ? 0 : ~std::uint32_t{0} << (32 - range.prefix);
    if ((address & mask) == range.base) return false;
  }
  return true;
}

std::uint32_t v4_at(const unsigned char* bytes) { return v4(bytes[0], bytes[1], bytes[2], bytes[3]); }

bool is_public_v6(const std::array<unsigned char, 16>& b) {
  bool leading_zero = true;  // the first 80 bits
  for (int i = 0; i < 10; ++i) leading_zero = leading_zero && b[i] == 0;
  if (leading_zero && b[10] == 0xff && b[11] == 0xff) return is_public_v4(v4_at(&b[12]));  // ::ffff:a.b.c.d
  if (leading_zero && b[10] == 0 && b[11] == 0) return false;  // ::, ::1 and the old IPv4-compatible form
  if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b) return is_public_v4(v4_at(&b[12]));  // NAT64
  if ((b[0] & 0xfe) == 0xfc) return false;                                         // unique local fc00::/7
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return false;                         // link-local fe80::/10
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return false;                         // site-local fec0::/10
  if (b[0] == 0xff) return false;                                                  // multicast
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return false;  // documentation
  if (b[0] == 0x20 && b[1] == 0x02) return is_public_v4(v4_at(&b[2]));             // 6to4 carries an IPv4 address
  return true;
}

}  // namespace

bool is_public_address(std::string_view address) {
  if (address.find('\0') != std::string_view::npos) return false;  // inet_pton would read up to it only
  const std::string text(address);
  std::array<unsigned char, 16> bytes{};
  if (inet_pton(AF_INET, text.c_str(), bytes.data()) == 1) return is_public_v4(v4_at(bytes.data()));
  if (inet_pton(AF_INET6, text.c_str(), bytes.data()) == 1) return is_public_v6(bytes);
  return false;
}

}  // namespace vka::domain
