#pragma once
// CRC-32 (IEEE 802.3, as in zlib and PNG).
#include <cstdint>
#include <span>

namespace vka::domain {

std::uint32_t crc32(std::span<const std::uint8_t> bytes, std::uint32_t previous = 0);

}  // namespace vka::domain
