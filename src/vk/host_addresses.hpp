#pragma once
// Looking a host name up in DNS (or reading an IP literal) without connecting, for checks made before a URL
// is accepted; the connection itself checks again (HttpClientOptions::address_allowed).
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.hpp"

namespace vka::vk {

// Every address the host resolves to, as text ("203.0.113.7", "2001:db8::1"); an error sentence when it
// does not resolve.
domain::Result<std::vector<std::string>> host_addresses(std::string_view host);

}  // namespace vka::vk
