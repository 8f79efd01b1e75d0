// Feeds arbitrary bytes to the VK response parsers. The first byte picks the parser (and, for
// execute, the expected number of calls); the rest is the HTTP body.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vk/parse.hpp"

namespace {

using namespace vka::vk;

void parse_payload(std::uint8_t selector, const Success& success) {
  switch (selector % 7) {
    case 0: (void)parse_wall_get(success.response); break;
    case 1: (void)parse_wall_get_by_id(success.response); break;
    case 2: (void)parse_wall_get_comments(success.response); break;
    case 3: (void)parse_groups_get_by_id(success.response); break;
    case 4: (void)parse_resolve_screen_name(success.response); break;
    case 5: (void)parse_users_get(success.response); break;
    default: {
      auto outcomes = split_execute(success, 1 + selector / 7 % 25);
      if (!outcomes) return;
      for (const CallOutcome& outcome : *outcomes) {
        if (const auto* payload = std::get_if<Payload>(&outcome)) (void)parse_wall_get_comments(*payload);
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);
  auto envelope = parse_envelope(body);
  if (envelope) {
    if (const auto* success = std::get_if<Success>(&*envelope)) parse_payload(data[0], *success);
  }
  return 0;
}
