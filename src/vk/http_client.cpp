// The only file that sees Beast and Asio. Each pooled connection owns a private io_context that
// the calling thread runs for each operation, so blocking callers get real timeouts without a
// shared event-loop thread, and connections never touch each other's state.
#include "vk/http_client.hpp"

#include <openssl/ssl.h>
#include <atomic>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/url/parse.hpp>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace vka::vk {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using boost::system::error_code;
using Kind = TransportError::Kind;

namespace {

struct Endpoint {
  bool tls = false;
  std::string host;
  std::string port;
  std::string target;
  std::string pool_key() const { return (tls ? "https://" : "http://") + host + ":" + port; }
  std::string host_header() const {
    const bool default_port = (tls && port == "443") || (!tls && port == "80");
    return default_port ? host : host + ":" + port;
  }
};

domain::Result<Endpoint, TransportError> parse_endpoint(std::string_view url) {
  auto parsed = boost::urls::parse_uri(url);
  if (!parsed) return domain::unexpected(TransportError{Kind::bad_url, "not an absolute URL"});
  Endpoint endpoint;
  const std::string scheme(parsed->scheme());
  if (scheme != "http" && scheme != "https") {
    return domain::unexpected(TransportError{Kind::bad_url, "unsupported scheme '" + scheme + "'"});
  }
  endpoint.tls = scheme == "https";
  endpoint.host = std::string(parsed->encoded_host());
  if (endpoint.host.empty()) return domain::unexpected(TransportError{Kind::bad_url, "URL has no host"});
  endpoint.port = parsed->has_port() ? std::string(parsed->port()) : (endpoint.tls ? "443" : "80");
  endpoint.target = std::string(parsed->encoded_path());
  if (endpoint.target.empty()) endpoint.target = "/";
  if (parsed->has_query()) endpoint.target += "?" + std::string(parsed->encoded_query());
  return endpoint;
}

TransportError error_from(Kind kind_if_not_timeout, const error_code& ec, std::string_view during) {
  if (ec == beast::error::timeout) return {Kind::timeout, "timed out during " + std::string(during)};
  if (ec == http::error::body_limit || ec == http::error::header_limit) {
    return {Kind::too_large, "response too large"};
  }
  return {kind_if_not_timeout, std::string(during) + " failed: " + ec.message()};
}

// Errors that mean a reused keep-alive connection had been closed by the server meanwhile.
bool is_stale_connection(const error_code& ec) {
  return ec == http::error::end_of_stream || ec == asio::error::eof || ec == asio::error::connection_reset ||
         ec == asio::error::broken_pipe || ec == ssl::error::stream_truncated;
}

class Connection {
 public:
  Connection(const Endpoint& endpoint, ssl::context& tls) {
    if (endpoint.tls) {
      tls_stream_ = std::make_unique<beast::ssl_stream<beast::tcp_stream>>(ioc_, tls);
    } else {
      plain_stream_ = std::make_unique<beast::tcp_stream>(ioc_);
    }
  }

  std::optional<TransportError> open(const Endpoint& endpoint, std::chrono::milliseconds timeout,
                                     const std::function<bool(std::string_view)>& address_allowed) {
    asio::ip::tcp::resolver resolver(ioc_);
    asio::steady_timer deadline(ioc_);
    error_code resolve_ec;
    asio::ip::tcp::resolver::results_type addresses;
    bool timed_out = false;
    deadline.expires_after(timeout);
    deadline.async_wait([&](error_code ec) {
      if (!ec) {
        timed_out = true;
        resolver.cancel();
      }
    });
    resolver.async_resolve(endpoint.host, endpoint.port, [&](error_code ec, auto results) {
      resolve_ec = ec;
      addresses = std::move(results);
      deadline.cancel();
    });
    run();
    if (timed_out) return TransportError{Kind::timeout, "timed out resolving " + endpoint.host};
    if (resolve_ec)
      return TransportError{Kind::resolve, "cannot resolve " + endpoint.host + ": " + resolve_ec.message()};

    std::vector<asio::ip::tcp::endpoint> allowed;
    for (const auto& entry : addresses)
      if (!address_allowed || address_allowed(entry.endpoint().address().to_string()))
        allowed.push_back(entry.endpoint());
    if (allowed.empty())
      return TransportError{Kind::refused_address, endpoint.host + " resolves to no address this client may call"};

    tcp().expires_after(timeout);
    error_code ec;
    tcp().async_connect(allowed, [&](error_code e, const auto&) { ec = e; });
    run();
    if (ec) return error_from(Kind::connect, ec, "connect to " + endpoint.host);

    if (tls_stream_) {
      if (!SSL_set_tlsext_host_name(tls_stream_->native_handle(), endpoint.host.c_str())) {
        return TransportError{Kind::tls, "cannot set TLS server name"};
      }
      tls_stream_->set_verify_callback(ssl::host_name_verification(endpoint.host));
      tls_stream_->async_handshake(ssl::stream_base::client, [&](error_code e) { ec = e; });
      run();
      if (ec) return error_from(Kind::tls, ec, "TLS handshake with " + endpoint.host);
    }
    return std::nullopt;
  }

  // On failure also reports whether the error looks like a keep-alive connection closed by the peer.
  domain::Result<HttpResponse, std::pair<TransportError, bool>> exchange(
      const http::request<http::string_body>& request, const HttpClientOptions& options) {
    tcp().expires_after(options.read_timeout);
    error_code ec;
    auto done = [&](error_code e, std::size_t) { ec = e; };
    if (tls_stream_) {
      http::async_write(*tls_stream_, request, done);
    } else {
      http::async_write(*plain_stream_, request, done);
    }
    run();
    if (ec)
      return domain::unexpected(std::pair{error_from(Kind::io, ec, "sending the request"), is_stale_connection(ec)});

    http::response_parser<http::string_body> parser;
    parser.body_limit(options.max_body_bytes);
    if (tls_stream_) {
      http::async_read(*tls_stream_, buffer_, parser, done);
    } else {
      http::async_read(*plain_stream_, buffer_, parser, done);
    }
    run();
    if (ec) {
      const bool nothing_read = !parser.got_some();
      return domain::unexpected(
          std::pair{error_from(Kind::io, ec, "reading the response"), nothing_read && is_stale_connection(ec)});
    }
    keep_alive_ = parser.get().keep_alive();
    return HttpResponse{static_cast<int>(parser.get().result_int()), std::move(parser.get().body())};
  }

  bool reusable() const { return keep_alive_; }

 private:
  beast::tcp_stream& tcp() { return tls_stream_ ? beast::get_lowest_layer(*tls_stream_) : *plain_stream_; }

  void run() {
    ioc_.restart();
    ioc_.run();
  }

  asio::io_context ioc_{1};
  std::unique_ptr<beast::ssl_stream<beast::tcp_stream>> tls_stream_;
  std::unique_ptr<beast::tcp_stream> plain_stream_;
  beast::flat_buffer buffer_;
  bool keep_alive_ = false;
};

}  // namespace

struct HttpClient::Impl {
  explicit Impl(HttpClientOptions opts) : options(std::move(opts)), tls(ssl::context::tls_client) {
    tls.set_default_verify_paths();
    tls.set_verify_mode(ssl::verify_peer);
  }

  // An idle connection for the endpoint, if any; the bool says whether it was reused.
  std::pair<std::unique_ptr<Connection>, bool> take(const Endpoint& endpoint) {
    {
      std::lock_guard guard(mutex);
      auto& pool = idle[endpoint.pool_key()];
      if (!pool.empty()) {
        auto connection = std::move(pool.back());
        pool.pop_back();
        return {std::move(connection), true};
      }
    }
    ++opened;
    return {std::make_unique<Connection>(endpoint, tls), false};
  }

  void give_back(const Endpoint& endpoint, std::unique_ptr<Connection> connection) {
    std::lock_guard guard(mutex);
    auto& pool = idle[endpoint.pool_key()];
    if (pool.size() < options.max_idle_per_host) pool.push_back(std::move(connection));
  }

  domain::Result<HttpResponse, TransportError> post_once(const Endpoint& endpoint,
                                                         const http::request<http::string_body>& request,
                                                         bool& retry_fresh) {
    auto [connection, reused] = take(endpoint);
    if (!reused) {
      if (auto error = connection->open(endpoint, options.connect_timeout, options.address_allowed))
        return domain::unexpected(std::move(*error));
    }
    auto response = connection->exchange(request, options);
    if (!response) {
      retry_fresh = reused && response.error().second;
      return domain::unexpected(std::move(response.error().first));
    }
    if (connection->reusable()) give_back(endpoint, std::move(connection));
    return std::move(response).value();
  }

  HttpClientOptions options;
  ssl::context tls;
  std::mutex mutex;
  std::unordered_map<std::string, std::vector<std::unique_ptr<Connection>>> idle;
  std::atomic<std::size_t> opened{0};
};

HttpClient::HttpClient(HttpClientOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

HttpClient::~HttpClient() = default;

domain::Result<HttpResponse, TransportError> HttpClient::post(std::string_view url, std::string_view form_body) {
  return send({.url = url,
               .content_type = "application/x-www-form-urlencoded",
               .headers = {{"Accept", "application/json"}},
               .body = form_body});
}

domain::Result<HttpResponse, TransportError> HttpClient::send(const HttpPost& post) {
  auto endpoint = parse_endpoint(post.url);
  if (!endpoint) return domain::unexpected(std::move(endpoint).error());
  http::request<http::string_body> request{http::verb::post, endpoint->target, 11};
  request.set(http::field::host, endpoint->host_header());
  request.set(http::field::user_agent, impl_->options.user_agent);
  request.set(http::field::content_type, post.content_type);
  for (const auto& [name, value] : post.headers) request.set(name, value);
  request.keep_alive(true);
  request.body() = std::string(post.body);
  request.prepare_payload();

  bool retry_fresh = false;
  auto response = impl_->post_once(*endpoint, request, retry_fresh);
  // A pooled connection the server had already closed: the request never reached it, send again.
  while (!response && retry_fresh) {
    retry_fresh = false;
    response = impl_->post_once(*endpoint, request, retry_fresh);
  }
  return response;
}

std::size_t HttpClient::connections_opened() const { return impl_->opened.load(); }

}  // namespace vka::vk
