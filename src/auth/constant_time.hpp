#pragma once
#include <string_view>

namespace vka::auth {

// Equality that reveals nothing about where or whether the inputs differ, even when their lengths
// differ: both sides are reduced to keyed BLAKE2b digests (under a per-process random key) that
// are compared with sodium_memcmp. Only the total length shows, in 128-byte hash blocks.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace vka::auth
