#pragma once
// The first start of a server with no users and no VKA_ADMIN_API_KEY creates user "admin" with a random
// password that must be changed at first sign-in, shown once on the terminal and never in the log.
#include <optional>
#include <string>

#include "store/store.hpp"

namespace vka::app {

// The new admin's password, or nullopt when there was no need for one.
std::optional<std::string> create_first_admin(store::Store& store, bool admin_api_key_set);
// Writes the sign-in line to stdout.
void announce_first_admin(const std::string& password, const std::string& host, std::uint16_t port);

}  // namespace vka::app
