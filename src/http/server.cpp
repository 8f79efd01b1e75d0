#include "http/server.hpp"

#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>
#include <spdlog/spdlog.h>

#include <atomic>
#include <condition_variable>
#include <list>
#include <mutex>
#include <thread>

namespace vka::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using asio::awaitable;
using asio::use_awaitable;
constexpr auto tuple_awaitable = asio::as_tuple(asio::use_awaitable);

struct Server::Impl {
  ServerOptions options;
  const Pipeline& pipeline;
  asio::io_context io{options.io_threads};
  asio::thread_pool handlers{static_cast<std::size_t>(options.handler_threads)};
  tcp::acceptor acceptor{io};
  std::vector<std::thread> threads;
  std::atomic<bool> stopping{false};

  // Live connections, so that shutdown can close the idle ones.
  struct Connection {
    std::weak_ptr<beast::tcp_stream> stream;
    bool busy = false;
  };
  std::mutex connections_mutex;
  std::condition_variable connections_changed;
  std::list<Connection> connections;

  Impl(ServerOptions o, const Pipeline& p) : options(std::move(o)), pipeline(p) {}

  awaitable<void> accept_loop();
  awaitable<void> serve_connection(tcp::socket socket);
  awaitable<bool> serve_one(beast::tcp_stream& stream, beast::flat_buffer& buffer, std::list<Connection>::iterator self,
                            const std::string& remote);
  awaitable<std::size_t> write_response(beast::tcp_stream& stream, const Request& request, Response& response,
                                        bool keep_alive);
  void set_busy(std::list<Connection>::iterator self, bool busy);
};

namespace {

std::string percent_encode_non_ascii(std::string_view target) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : target) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0xf];
    }
  }
  return out;
}

Request to_request(const bhttp::request<bhttp::string_body>& message, const std::string& remote) {
  Request request;
  request.method = std::string{message.method_string()};
  request.target = std::string{message.target()};
  request.remote_address = remote;
  for (const auto& field : message) request.headers.add(field.name_string(), std::string{field.value()});
  request.body = message.body();
  // Some clients send UTF-8 in the target unencoded; take it as its percent-encoded form.
  const auto target = percent_encode_non_ascii(request.target);
  const auto parsed = boost::urls::parse_origin_form(target);
  if (parsed) {
    request.path = parsed->path();
    request.query = parsed->encoded_query();
  } else {
    request.path = request.target;
  }
  return request;
}

bool is_valid_target(std::string_view target) {
  const auto encoded = percent_encode_non_ascii(target);
  return static_cast<bool>(boost::urls::parse_origin_form(encoded));
}

// Reads and discards what the client still sends (an unread request body) for a moment, so that
// closing does not reset the connection before the client has read our last response.
awaitable<void> drain(beast::tcp_stream& stream) {
  char sink[16384];
  std::size_t total = 0;
  stream.expires_after(std::chrono::seconds{1});
  while (total < 4 * 1024 * 1024) {
    auto [error, bytes] = co_await stream.async_read_some(asio::buffer(sink), tuple_awaitable);
    if (error) break;
    total += bytes;
  }
}

}  // namespace

void Server::Impl::set_busy(std::list<Connection>::iterator self, bool busy) {
  std::lock_guard lock{connections_mutex};
  self->busy = busy;
}

awaitable<void> Server::Impl::accept_loop() {
  for (;;) {
    auto [error, socket] = co_await acceptor.async_accept(asio::make_strand(io), tuple_awaitable);
    if (error) {
      if (stopping || error == asio::error::operation_aborted) co_return;
      spdlog::warn("accept failed: {}", error.message());
      continue;
    }
    asio::co_spawn(socket.get_executor(), serve_connection(std::move(socket)), asio::detached);
  }
}

awaitable<void> Server::Impl::serve_connection(tcp::socket socket) {
  beast::error_code ignored;
  const auto endpoint = socket.remote_endpoint(ignored);
  const std::string remote = ignored ? "" : endpoint.address().to_string();
  auto owned_stream = std::make_shared<beast::tcp_stream>(std::move(socket));
  auto& stream = *owned_stream;
  std::list<Connection>::iterator self;
  {
    std::lock_guard lock{connections_mutex};
    self = connections.insert(connections.end(), Connection{owned_stream});
  }
  beast::flat_buffer buffer;
  try {
    while (!stopping && co_await serve_one(stream, buffer, self, remote)) {
    }
  } catch (const std::exception& error) {
    spdlog::debug("connection from {} ended: {}", remote, error.what());
  }
  stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  co_await drain(stream);
  stream.close();
  {
    std::lock_guard lock{connections_mutex};
    connections.erase(self);
  }
  connections_changed.notify_all();
}

// Serves one request; returns whether the connection may carry another.
awaitable<bool> Server::Impl::serve_one(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                        std::list<Connection>::iterator self, const std::string& remote) {
  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
  // The route's own limit is applied once the header says where the request goes.
  parser.body_limit(std::numeric_limits<std::uint64_t>::max());

  stream.expires_after(options.idle_timeout);
  auto [error, bytes] = co_await bhttp::async_read_header(stream, buffer, parser, tuple_awaitable);
  if (error) {
    // A declared Content-Length over the limit is refused before the body is read.
    if (error == bhttp::error::header_limit) {
      Request request{.method = "GET", .remote_address = remote};
      auto response = pipeline.reject(request, ApiError{431, "payload_too_large", "The request headers are too large."});
      co_await write_response(stream, request, response, false);
    }
    co_return false;  // closed, timed out, canceled by shutdown, or garbage
  }
  const auto target = parser.get().target();
  const auto body_limit =
      pipeline.max_body_bytes(parser.get().method_string(), target.substr(0, target.find('?')), options.max_body_bytes);
  parser.body_limit(body_limit);
  set_busy(self, true);
  const auto started = std::chrono::steady_clock::now();
  stream.expires_after(options.read_timeout);
  const bool too_large = parser.content_length().value_or(0) > body_limit;
  if (!too_large && bhttp::token_list{parser.get()[bhttp::field::expect]}.exists("100-continue")) {
    bhttp::response<bhttp::empty_body> go_on{bhttp::status::continue_, parser.get().version()};
    co_await bhttp::async_write(stream, go_on, use_awaitable);
  }
  // A declared length over the limit is refused without reading the body; chunked bodies are
  // stopped by the parser's limit.
  if (too_large)
    error = bhttp::error::body_limit;
  else
    std::tie(error, bytes) = co_await bhttp::async_read(stream, buffer, parser, tuple_awaitable);
  Request request = to_request(parser.get(), remote);
  Response response;
  bool keep_alive = !error && parser.get().keep_alive();
  if (error == bhttp::error::body_limit) {
    response = pipeline.reject(request, payload_too_large("The request body exceeds " +
                                                          std::to_string(body_limit) + " bytes."));
  } else if (error) {
    co_return false;
  } else if (!is_valid_target(request.target)) {
    response = pipeline.reject(request, validation_failed("The request target is not a valid path."));
    keep_alive = false;
  } else {
    response = co_await asio::co_spawn(
        handlers, [&]() -> awaitable<Response> { co_return pipeline.handle(request); }, use_awaitable);
  }
  const bool again = keep_alive && !stopping;
  std::size_t sent = 0;
  try {
    sent = co_await write_response(stream, request, response, again);
  } catch (...) {
    pipeline.record(request, response.status, sent, std::chrono::steady_clock::now() - started);
    set_busy(self, false);
    throw;
  }
  pipeline.record(request, response.status, sent, std::chrono::steady_clock::now() - started);
  set_busy(self, false);
  co_return again;
}

awaitable<std::size_t> Server::Impl::write_response(beast::tcp_stream& stream, const Request& request,
                                                    Response& response, bool keep_alive) {
  const bool head = request.method == "HEAD";
  // A client that stops reading must not hold the connection forever.
  stream.expires_after(options.read_timeout);
  if (!response.stream) {
    bhttp::response<bhttp::string_body> message{static_cast<bhttp::status>(response.status), 11};
    for (const auto& [name, value] : response.headers.fields()) message.insert(name, value);
    message.keep_alive(keep_alive);
    const auto size = response.body.size();
    if (response.status != 204 && response.status != 304) message.content_length(size);
    if (!head) message.body() = std::move(response.body);
    bhttp::response_serializer<bhttp::string_body> serializer{message};
    if (head) {
      co_await bhttp::async_write_header(stream, serializer, use_awaitable);
      co_return 0;
    }
    co_await bhttp::async_write(stream, serializer, use_awaitable);
    co_return size;
  }
  bhttp::response<bhttp::empty_body> message{static_cast<bhttp::status>(response.status), 11};
  for (const auto& [name, value] : response.headers.fields()) message.insert(name, value);
  message.keep_alive(keep_alive);
  message.chunked(true);
  bhttp::response_serializer<bhttp::empty_body> serializer{message};
  co_await bhttp::async_write_header(stream, serializer, use_awaitable);
  if (head) co_return 0;
  std::size_t sent = 0;
  auto body = response.stream;
  asio::steady_timer poll{stream.get_executor()};
  while (!stopping) {
    auto chunk = co_await asio::co_spawn(
        handlers, [&]() -> awaitable<std::optional<std::string>> { co_return body->next_chunk(); }, use_awaitable);
    if (!chunk) break;
    if (chunk->empty()) {
      poll.expires_after(body->poll_interval());
      co_await poll.async_wait(use_awaitable);
      continue;
    }
    sent += chunk->size();
    stream.expires_after(options.read_timeout);
    co_await asio::async_write(stream, bhttp::make_chunk(asio::buffer(*chunk)), use_awaitable);
  }
  co_await asio::async_write(stream, bhttp::make_chunk_last(), use_awaitable);
  co_return sent;
}

Server::Server(ServerOptions options, const Pipeline& pipeline)
    : impl_(std::make_unique<Impl>(std::move(options), pipeline)) {}

Server::~Server() {
  if (!impl_->threads.empty()) shutdown(std::chrono::milliseconds{0});
}

void Server::start() {
  auto& impl = *impl_;
  beast::error_code error;
  const auto address = asio::ip::make_address(impl.options.host, error);
  if (error) throw std::runtime_error("listen address '" + impl.options.host + "' is not an IP address");
  const tcp::endpoint endpoint{address, impl.options.port};
  impl.acceptor.open(endpoint.protocol());
  impl.acceptor.set_option(asio::socket_base::reuse_address(true));
  impl.acceptor.bind(endpoint, error);
  if (error)
    throw std::runtime_error("cannot listen on " + impl.options.host + ":" + std::to_string(impl.options.port) + ": " +
                             (error == asio::error::address_in_use ? std::string{"the port is already in use"}
                                                                   : error.message()));
  impl.acceptor.listen(asio::socket_base::max_listen_connections);
  asio::co_spawn(impl.io, impl.accept_loop(), asio::detached);
  for (int i = 0; i < impl.options.io_threads; ++i) impl.threads.emplace_back([&impl] { impl.io.run(); });
}

std::uint16_t Server::port() const { return impl_->acceptor.local_endpoint().port(); }

bool Server::stopping() const { return impl_->stopping; }

void Server::shutdown(std::chrono::milliseconds deadline) {
  auto& impl = *impl_;
  if (impl.stopping.exchange(true)) return;
  asio::post(impl.acceptor.get_executor(), [&impl] {
    beast::error_code ignored;
    impl.acceptor.close(ignored);
  });
  const auto until = std::chrono::steady_clock::now() + deadline;
  std::unique_lock lock{impl.connections_mutex};
  do {
    // Idle keep-alive connections are waiting for a request that must not come: close them.
    for (auto& connection : impl.connections)
      if (auto stream = connection.stream.lock(); stream && !connection.busy)
        asio::post(stream->get_executor(), [stream] { stream->cancel(); });
  } while (!impl.connections_changed.wait_until(lock, std::min(until, std::chrono::steady_clock::now() +
                                                                          std::chrono::milliseconds{50}),
                                                [&] { return impl.connections.empty(); }) &&
           std::chrono::steady_clock::now() < until);
  if (!impl.connections.empty()) spdlog::warn("{} connections still busy at the shutdown deadline", impl.connections.size());
  lock.unlock();
  impl.io.stop();
  for (auto& thread : impl.threads) thread.join();
  impl.threads.clear();
  impl.handlers.join();
}

}  // namespace vka::http
