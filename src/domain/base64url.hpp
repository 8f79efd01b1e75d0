#pragma once
// RFC 4648 §5 base64 with the URL-safe alphabet and no padding.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vka::domain {

std::string base64url_encode(const std::vector<std::uint8_t>& bytes);

// Strict: rejects padding, characters outside the alphabet and non-canonical trailing bits.
std::optional<std::vector<std::uint8_t>> base64url_decode(std::string_view text);

}  // namespace vka::domain
