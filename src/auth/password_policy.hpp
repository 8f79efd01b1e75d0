#pragma once
// What a new password must be: 10 to 256 characters (Unicode code points) and not on the list of
// common passwords shipped with the binary (compared ignoring ASCII case).
#include <optional>
#include <string>
#include <string_view>

namespace vka::auth {

inline constexpr std::size_t min_password_length = 10;
inline constexpr std::size_t max_password_length = 256;

// nullopt when acceptable, else the problem as a short phrase (never quoting the password).
std::optional<std::string> password_problem(std::string_view password);

}  // namespace vka::auth
