#pragma once
// Opaque, URL-safe, unique ids that sort roughly by creation time:
// "<prefix>" + 26 lowercase Crockford base32 characters = 48-bit Unix milliseconds + 80 random bits.
#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace vka::domain {

enum class IdKind { task, api_key, vk_token, user, session, audit_entry };

std::string_view id_prefix(IdKind kind);  // "t_", "k_", "vt_", "u_", "s_", "ae_"

inline constexpr std::size_t id_body_length = 26;
using IdRandomBits = std::array<std::uint8_t, 10>;

// Fresh id from the system clock and std::random_device.
std::string new_id(IdKind kind);

// The deterministic core of new_id.
std::string format_id(IdKind kind, std::chrono::milliseconds unix_time, const IdRandomBits& random);

// Shape check for ids arriving in URLs: right prefix, right length, right alphabet.
bool is_valid_id(IdKind kind, std::string_view id);

}  // namespace vka::domain
