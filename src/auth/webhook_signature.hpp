#pragma once
// How a webhook receiver knows a call came from this server: the X-VKA-Signature header, "sha256=" and the
// lowercase hex HMAC-SHA256 of the raw body keyed with the webhook's secret.
#include <string>
#include <string_view>

namespace vka::auth {

std::string webhook_signature(std::string_view secret, std::string_view body);

}  // namespace vka::auth
