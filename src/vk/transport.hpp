#pragma once
// The HTTP exchange the VK client needs, as an interface so the client is testable without a network.
#include <string>
#include <string_view>

#include "domain/result.hpp"

namespace vka::vk {

struct HttpResponse {
  int status = 0;
  std::string body;
};

struct TransportError {
  enum class Kind { bad_url, resolve, refused_address, connect, tls, timeout, io, too_large };
  Kind kind = Kind::io;
  std::string message;  // never contains the request body (it holds the token)
};

std::string_view to_string(TransportError::Kind kind);

class HttpTransport {
 public:
  virtual ~HttpTransport() = default;
  // POSTs an application/x-www-form-urlencoded body. Thread-safe.
  virtual domain::Result<HttpResponse, TransportError> post(std::string_view url, std::string_view form_body) = 0;
};

}  // namespace vka::vk
