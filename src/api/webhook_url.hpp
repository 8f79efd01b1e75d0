#pragma once
// Which URLs a task's webhook may have: an absolute http or https URL with a host, no user name or password
// and no fragment, at most 2048 characters, whose host resolves only to public addresses
// (domain/ip_address.hpp) unless private ones are allowed (VKA_WEBHOOK_ALLOW_PRIVATE).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace vka::api {

inline constexpr std::size_t max_webhook_url_length = 2048;

// Why the URL cannot be a webhook, as a sentence for error.details; nullopt when it can.
std::optional<std::string> webhook_url_problem(std::string_view url, bool allow_private);

}  // namespace vka::api
