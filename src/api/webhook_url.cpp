#include "api/webhook_url.hpp"

#include <boost/url/parse.hpp>

#include <algorithm>

#include "domain/ip_address.hpp"
#include "vk/host_addresses.hpp"

namespace vka::api {

namespace {

// The host as DNS or an address parser takes it: IP literals without their brackets, names decoded.
std::string host_of(const boost::urls::url_view& url) {
  if (url.host_type() == boost::urls::host_type::ipv6) return url.host_ipv6_address().to_string();
  if (url.host_type() == boost::urls::host_type::ipv4) return url.host_ipv4_address().to_string();
  return url.host_address();
}

}  // namespace

std::optional<std::string> webhook_url_problem(std::string_view url, bool allow_private) {
  if (url.size() > max_webhook_url_length)
    return "must be at most " + std::to_string(max_webhook_url_length) + " characters";
  const auto parsed = boost::urls::parse_absolute_uri(url);
  if (!parsed) return "must be an absolute http or https URL";
  if (parsed->scheme() != "http" && parsed->scheme() != "https") return "must be an http or https URL";
  if (parsed->host_type() == boost::urls::host_type::none || parsed->encoded_host().empty()) return "must name a host";
  if (parsed->has_userinfo()) return "must not hold a user name or password";
  if (allow_private) return std::nullopt;
  const auto addresses = vk::host_addresses(host_of(*parsed));
  if (!addresses) return "must name a host that resolves (" + addresses.error() + ")";
  if (!std::all_of(addresses->begin(), addresses->end(), domain::is_public_address))
    return "must not point to a private, loopback or link-local address (set VKA_WEBHOOK_ALLOW_PRIVATE=true to "
           "allow them)";
  return std::nullopt;
}

}  // namespace vka::api
