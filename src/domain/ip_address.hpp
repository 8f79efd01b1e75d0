#pragma once
// Which IP addresses a server may call on a user's behalf: the public internet only, never this host, the
// local network or the cloud metadata service (server-side request forgery).
#include <string_view>

namespace vka::domain {

// True for a textual IPv4 or IPv6 address ("203.0.113.7", "2a00:1450::1") outside every private, loopback,
// link-local, shared (CGNAT), multicast, documentation and reserved range. IPv4 addresses written as IPv6
// (mapped, NAT64) are judged by their IPv4 part. False for anything that is not an address.
bool is_public_address(std::string_view address);

}  // namespace vka::domain
