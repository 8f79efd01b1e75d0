#pragma once
#include <string>
#include <string_view>

namespace vka::auth {

// A recognizable but useless form of a secret for display: "vk1.a.…xY" (first 6 and last 2
// characters). Short or non-ASCII secrets are masked entirely ("…"), since showing 8 characters
// of them would give away too much or cut a character in half.
std::string mask_secret(std::string_view secret);

}  // namespace vka::auth
