#include "vk/transport.hpp"

namespace vka::vk {

using Kind = TransportError::Kind;

std::string_view to_string(TransportError::Kind kind) {
  switch (kind) {
    case Kind::bad_url: return "bad_url";
    case Kind::resolve: return "resolve";
    case Kind::refused_address: return "refused_address";
    case Kind::connect: return "connect";
    case Kind::tls: return "tls";
    case Kind::timeout: return "timeout";
    case Kind::io: return "io";
    case Kind::too_large: return "too_large";
  }
  return "unknown";
}

}  // namespace vka::vk
