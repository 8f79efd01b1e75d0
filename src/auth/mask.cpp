#include "auth/mask.hpp"

#include <algorithm>

namespace vka::auth {

namespace {
constexpr std::size_t shown_head = 6;
constexpr std::size_t shown_tail = 2;
// Below this length the 8 shown characters would be a third or more of the secret.
constexpr std::size_t min_partially_shown = 24;
constexpr std::string_view ellipsis = "…";

bool is_printable_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c > 0x20 && c < 0x7F; });
}
}  // namespace

std::string mask_secret(std::string_view secret) {
  if (secret.size() < min_partially_shown || !is_printable_ascii(secret)) return std::string(ellipsis);
  std::string out(secret.substr(0, shown_head));
  out += ellipsis;
  out += secret.substr(secret.size() - shown_tail);
  return out;
}

}  // namespace vka::auth
