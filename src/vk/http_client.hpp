#pragma once
// HTTP/1.1 client over Boost.Beast for VK (HTTPS, verified against the system trust store, with
// SNI) and the simulator (plain HTTP), also used to call webhooks. Keeps a few idle keep-alive connections
// per host; many threads may call post() at once, each on its own connection.
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vk/transport.hpp"

namespace vka::vk {

struct HttpClientOptions {
  std::chrono::milliseconds connect_timeout{10'000};  // resolve + TCP connect + TLS handshake
  std::chrono::milliseconds read_timeout{35'000};     // writing the request and reading the response
  std::size_t max_idle_per_host = 4;
  std::size_t max_body_bytes = 64 * 1024 * 1024;
  std::string user_agent = "vk-analytics";
  // Which resolved addresses ("203.0.113.7", "2001:db8::1") a connection may be opened to; empty: any. Checked
  // on every connect, so a name that resolves elsewhere since it was last looked at cannot slip through.
  std::function<bool(std::string_view address)> address_allowed;
};

// A POST with a body of any media type and headers of the caller's.
struct HttpPost {
  std::string_view url;
  std::string_view content_type;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string_view body;
};

class HttpClient final : public HttpTransport {
 public:
  explicit HttpClient(HttpClientOptions options = {});
  ~HttpClient() override;
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  domain::Result<HttpResponse, TransportError> post(std::string_view url, std::string_view form_body) override;
  domain::Result<HttpResponse, TransportError> send(const HttpPost& post);
  // Connections opened since construction (keep-alive reuse keeps this low).
  std::size_t connections_opened() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vka::vk
