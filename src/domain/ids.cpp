#include "domain/ids.hpp"

#include <random>

namespace vka::domain {

namespace {
constexpr std::string_view crockford = "0123456789abcdefghjkmnpqrstvwxyz";

bool is_crockford(char c) { return crockford.find(c) != std::string_view::npos; }

IdRandomBits random_bits() {
  thread_local std::random_device device;
  IdRandomBits bits{};
  for (std::size_t i = 0; i < bits.size(); i += 2) {
    const auto word = device();
    bits[i] = static_cast<std::uint8_t>(word);
    bits[i + 1] = static_cast<std::uint8_t>(word >> 8);
  }
  return bits;
}
}  // namespace

std::string_view id_prefix(IdKind kind) {
  switch (kind) {
    case IdKind::task: return "t_";
    case IdKind::api_key: return "k_";
    case IdKind::vk_token: return "vt_";
    case IdKind::user: return "u_";
    case IdKind::session: return "s_";
    case IdKind::audit_entry: return "ae_";
  }
  return "x_";
}

std::string format_id(IdKind kind, std::chrono::milliseconds unix_time, const IdRandomBits& random) {
  // 128 bits: time in the top 48 (big-endian, so ids sort by time), randomness below.
  const auto ms = static_cast<std::uint64_t>(unix_time.count()) & 0xFFFF'FFFF'FFFFull;
  std::uint64_t high = (ms << 16) | (std::uint64_t{random[0]} << 8) | random[1];
  std::uint64_t low = 0;
  for (std::size_t i = 2; i < random.size(); ++i) low = (low << 8) | random[i];

  // 26 characters carry 130 bits; the two leading ones are zero.
  std::string body(id_body_length, '0');
  for (std::size_t i = id_body_length; i-- > 0;) {
    body[i] = crockford[low & 0x1F];
    low = (low >> 5) | (high << 59);
    high >>= 5;
  }
  return std::string(id_prefix(kind)) + body;
}

std::string new_id(IdKind kind) {
  const auto now =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch());
  return format_id(kind, now, random_bits());
}

bool is_valid_id(IdKind kind, std::string_view id) {
  const auto prefix = id_prefix(kind);
  if (!id.starts_with(prefix) || id.size() != prefix.size() + id_body_length) return false;
  const auto body = id.substr(prefix.size());
  // 26 characters carry 130 bits but ids have 128: the first character is at most '7'.
  if (body[0] > '7') return false;
  for (char c : body)
    if (!is_crockford(c)) return false;
  return true;
}

}  // namespace vka::domain
