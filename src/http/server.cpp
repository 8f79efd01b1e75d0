#include "http/server.hpp"

#include <spdlog/spdlog.h>
#include <sys/resource.h>
#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/url/parse.hpp>

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
  asio::thread_pool expensive{static_cast<std::size_t>(options.expensive_threads)};
  tcp::acceptor acceptor{io};
  std::vector<std::thread> threads;
  std::atomic<bool> stopping{false};

  // Live connections, so that shutdown can close the idle ones and the cap can make room.
  enum class State {
    fresh,    // no whole request header yet: the first to go when the cap is reached
    idle,     // keep-alive, between requests
    busy,     // reading a body, handling, or writing
    closing,  // asked to close
  };
  struct Connection {
    std::function<void()> cancel;  // ends what the connection waits for, from any thread
    State state = State::fresh;
  };
  std::mutex connections_mutex;
  std::condition_variable connections_changed;
  std::list<Connection> connections;
  std::chrono::steady_clock::time_point last_accept_warning{};
  std::size_t accept_failures_unreported = 0;
  // With a certificate: the TLS settings new connections take; reloading swaps them.
  std::mutex tls_mutex;
  std::shared_ptr<asio::ssl::context> tls;

  Impl(ServerOptions o, const Pipeline& p) : options(std::move(o)), pipeline(p) {
    if (options.max_connections == 0) options.max_connections = default_max_connections();
  }

  awaitable<void> accept_loop();
  awaitable<void> back_off_after(const boost::system::error_code& error, std::chrono::milliseconds& delay);
  bool make_room(bool out_of_descriptors = false);
  std::shared_ptr<asio::ssl::context> tls_context();
  awaitable<void> serve_connection(tcp::socket socket);
  template <class Stream>
  awaitable<void> serve_stream(std::shared_ptr<Stream> owned, const std::string& remote);
  template <class Stream>
  awaitable<bool> serve_one(Stream& stream, beast::flat_buffer& buffer, std::list<Connection>::iterator self,
                            const std::string& remote);
  template <class Stream>
  awaitable<boost::system::error_code> read_body(Stream& stream, beast::flat_buffer& buffer,
                                                 bhttp::request_parser<bhttp::string_body>& parser);
  template <class Stream>
  awaitable<std::size_t> write_response(Stream& stream, const Request& request, Response& response, bool keep_alive,
                                        asio::thread_pool& pool);
  void set_state(std::list<Connection>::iterator self, State state);
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

using TlsStream = beast::ssl_stream<beast::tcp_stream>;
template <class Stream>
constexpr bool is_tls = std::is_same_v<Stream, TlsStream>;

// Reads and discards what the client still sends (an unread request body) for a moment, so that
// closing does not reset the connection before the client has read our last response.
template <class Stream>
awaitable<void> drain(Stream& stream) {
  char sink[16384];
  std::size_t total = 0;
  beast::get_lowest_layer(stream).expires_after(std::chrono::seconds{1});
  while (total < 4 * 1024 * 1024) {
    auto [error, bytes] = co_await stream.async_read_some(asio::buffer(sink), tuple_awaitable);
    if (error) break;
    total += bytes;
  }
}

// TLS 1.2 and 1.3 only, forward-secret AEAD ciphers only.
std::shared_ptr<asio::ssl::context> load_tls(const std::string& cert_file, const std::string& key_file) {
  auto context = std::make_shared<asio::ssl::context>(asio::ssl::context::tls_server);
  context->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                       asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 | asio::ssl::context::no_tlsv1_1 |
                       asio::ssl::context::single_dh_use | SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);
  SSL_CTX_set_min_proto_version(context->native_handle(), TLS1_2_VERSION);
  SSL_CTX_set_cipher_list(context->native_handle(), "ECDHE+AESGCM:ECDHE+CHACHA20");
  beast::error_code error;
  context->use_certificate_chain_file(cert_file, error);
  if (error) throw std::runtime_error("VKA_TLS_CERT_FILE: cannot use '" + cert_file + "': " + error.message());
  context->use_private_key_file(key_file, asio::ssl::context::pem, error);
  if (error) throw std::runtime_error("VKA_TLS_KEY_FILE: cannot use '" + key_file + "': " + error.message());
  if (SSL_CTX_check_private_key(context->native_handle()) != 1)
    throw std::runtime_error("VKA_TLS_KEY_FILE: the key does not belong to the certificate");
  return context;
}

}  // namespace

std::size_t default_max_connections() {
  constexpr rlim_t reserved = 128;  // log and database files, database and VK connections
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return 10'000;
  return static_cast<std::size_t>(std::max<rlim_t>(16, limit.rlim_cur > reserved ? limit.rlim_cur - reserved : 0));
}

void Server::Impl::set_state(std::list<Connection>::iterator self, State state) {
  std::lock_guard lock{connections_mutex};
  if (self->state != State::closing) self->state = state;
}

// At the cap (or out of descriptors), closes the oldest connection without a whole request header,
// else the oldest idle keep-alive one; false when every connection is busy.
bool Server::Impl::make_room(bool out_of_descriptors) {
  std::lock_guard lock{connections_mutex};
  if (!out_of_descriptors && connections.size() < options.max_connections) return true;
  for (const auto wanted : {State::fresh, State::idle})
    for (auto& connection : connections)
      if (connection.state == wanted) {
        connection.state = State::closing;
        connection.cancel();
        return true;
      }
  return false;
}

// Out of descriptors (EMFILE, ENFILE) or memory, accepting again at once would only spin: free a
// few descriptors, wait (longer each time), and say so at most once a minute.
awaitable<void> Server::Impl::back_off_after(const boost::system::error_code& error, std::chrono::milliseconds& delay) {
  ++accept_failures_unreported;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_accept_warning >= std::chrono::minutes{1}) {
    spdlog::warn("accept failed {} times ({}); backing off", accept_failures_unreported, error.message());
    accept_failures_unreported = 0;
    last_accept_warning = now;
  }
  for (int closed = 0; closed < 8 && make_room(true); ++closed) {}
  asio::steady_timer timer{acceptor.get_executor(), delay};
  co_await timer.async_wait(tuple_awaitable);
  delay = std::min(delay * 2, std::chrono::milliseconds{1000});
}

awaitable<void> Server::Impl::accept_loop() {
  auto delay = std::chrono::milliseconds{10};
  for (;;) {
    auto [error, socket] = co_await acceptor.async_accept(asio::make_strand(io), tuple_awaitable);
    if (error) {
      if (stopping || error == asio::error::operation_aborted) co_return;
      co_await back_off_after(error, delay);
      continue;
    }
    delay = std::chrono::milliseconds{10};
    if (!make_room()) {
      beast::error_code ignored;
      socket.close(ignored);  // every connection is serving a request: this one waits for none
      continue;
    }
    asio::co_spawn(socket.get_executor(), serve_connection(std::move(socket)), asio::detached);
  }
}

std::shared_ptr<asio::ssl::context> Server::Impl::tls_context() {
  std::lock_guard lock{tls_mutex};
  return tls;
}

awaitable<void> Server::Impl::serve_connection(tcp::socket socket) {
  beast::error_code ignored;
  const auto endpoint = socket.remote_endpoint(ignored);
  const std::string remote = ignored ? "" : endpoint.address().to_string();
  if (const auto context = tls_context())  // held for as long as the connection
    co_await serve_stream(std::make_shared<TlsStream>(std::move(socket), *context), remote);
  else
    co_await serve_stream(std::make_shared<beast::tcp_stream>(std::move(socket)), remote);
}

template <class Stream>
awaitable<void> Server::Impl::serve_stream(std::shared_ptr<Stream> owned, const std::string& remote) {
  auto& stream = *owned;
  auto& tcp_stream = beast::get_lowest_layer(stream);
  std::list<Connection>::iterator self;
  {
    std::lock_guard lock{connections_mutex};
    const auto cancel = [weak = std::weak_ptr<Stream>{owned}] {
      if (auto stream = weak.lock())
        asio::post(beast::get_lowest_layer(*stream).get_executor(),
                   [stream] { beast::get_lowest_layer(*stream).cancel(); });
    };
    self = connections.insert(connections.end(), Connection{cancel});
  }
  beast::flat_buffer buffer;
  try {
    bool ready = true;
    if constexpr (is_tls<Stream>) {
      tcp_stream.expires_after(options.header_timeout);
      auto [error] = co_await stream.async_handshake(asio::ssl::stream_base::server, tuple_awaitable);
      ready = !error;
    }
    while (ready && !stopping && co_await serve_one(stream, buffer, self, remote)) {}
  } catch (const std::exception& error) {
    spdlog::debug("connection from {} ended: {}", remote, error.what());
  }
  bool evicted = false;
  {
    std::lock_guard lock{connections_mutex};
    evicted = self->state == State::closing || self->state == State::fresh;
  }
  beast::error_code ignored;
  if constexpr (is_tls<Stream>) {
    if (!evicted) {
      tcp_stream.expires_after(std::chrono::seconds{1});
      co_await stream.async_shutdown(tuple_awaitable);
    }
  } else {
    tcp_stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    if (!evicted) co_await drain(stream);
  }
  tcp_stream.close();
  {
    std::lock_guard lock{connections_mutex};
    connections.erase(self);
  }
  connections_changed.notify_all();
}

// Serves one request; returns whether the connection may carry another.
template <class Stream>
awaitable<bool> Server::Impl::serve_one(Stream& stream, beast::flat_buffer& buffer,
                                        std::list<Connection>::iterator self, const std::string& remote) {
  auto& tcp_stream = beast::get_lowest_layer(stream);
  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
  // The route's own limit is applied once the header says where the request goes.
  parser.body_limit(std::numeric_limits<std::uint64_t>::max());

  // A new connection gets the short header timeout for its first byte; a keep-alive one the idle
  // timeout. Once a request started, its whole header must arrive within the header timeout.
  beast::error_code error;
  std::size_t bytes = 0;
  if (buffer.size() == 0) {
    bool fresh = false;
    {
      std::lock_guard lock{connections_mutex};
      fresh = self->state == State::fresh;
    }
    tcp_stream.expires_after(fresh ? options.header_timeout : options.idle_timeout);
    std::tie(error, bytes) = co_await stream.async_read_some(buffer.prepare(4096), tuple_awaitable);
    if (error) co_return false;
    buffer.commit(bytes);
  }
  tcp_stream.expires_after(options.header_timeout);
  std::tie(error, bytes) = co_await bhttp::async_read_header(stream, buffer, parser, tuple_awaitable);
  if (error) {
    // A declared Content-Length over the limit is refused before the body is read.
    if (error == bhttp::error::header_limit) {
      Request request{.method = "GET", .remote_address = remote};
      auto response =
          pipeline.reject(request, ApiError{431, "payload_too_large", "The request headers are too large."});
      co_await write_response(stream, request, response, false, handlers);
    }
    co_return false;  // closed, timed out, canceled by shutdown, or garbage
  }
  set_state(self, State::busy);
  const auto started = std::chrono::steady_clock::now();
  const auto finish = [&](const Request& request, int status, std::size_t sent) {
    pipeline.record(request, status, sent, std::chrono::steady_clock::now() - started);
    set_state(self, State::idle);
  };
  // Admitted on the header alone: the body of a request that is refused is never read.
  Request head = to_request(parser.get(), remote);
  if (!is_valid_target(head.target)) {
    auto response = pipeline.reject(head, validation_failed("The request target is not a valid path."));
    finish(head, response.status, co_await write_response(stream, head, response, false, handlers));
    co_return false;
  }
  auto admission = co_await asio::co_spawn(
      handlers, [&]() -> awaitable<Admission> { co_return pipeline.admit(head); }, use_awaitable);
  if (admission.refusal) {
    finish(head, admission.refusal->status, co_await write_response(stream, head, *admission.refusal, false, handlers));
    co_return false;
  }
  auto& pool = admission.cost == Cost::expensive ? expensive : handlers;

  const auto target = parser.get().target();
  const auto body_limit =
      pipeline.max_body_bytes(parser.get().method_string(), target.substr(0, target.find('?')), options.max_body_bytes);
  parser.body_limit(body_limit);
  tcp_stream.expires_after(options.read_timeout);
  const bool too_large = parser.content_length().value_or(0) > body_limit;
  if (!too_large && bhttp::token_list{parser.get()[bhttp::field::expect]}.exists("100-continue")) {
    bhttp::response<bhttp::empty_body> go_on{bhttp::status::continue_, parser.get().version()};
    co_await bhttp::async_write(stream, go_on, use_awaitable);
  }
  // A declared length over the limit is refused without reading the body; chunked bodies are
  // stopped by the parser's limit.
  error = too_large ? beast::error_code{bhttp::error::body_limit} : co_await read_body(stream, buffer, parser);
  Request request = to_request(parser.get(), remote);
  Response response;
  const bool keep_alive = !error && parser.get().keep_alive();
  if (error == bhttp::error::body_limit) {
    response = pipeline.reject(request,
                               payload_too_large("The request body exceeds " + std::to_string(body_limit) + " bytes."));
  } else if (error) {
    co_return false;
  } else {
    response = co_await asio::co_spawn(
        pool, [&]() -> awaitable<Response> { co_return pipeline.handle(request); }, use_awaitable);
  }
  const bool again = keep_alive && !stopping;
  std::size_t sent = 0;
  try {
    sent = co_await write_response(stream, request, response, again, pool);
  } catch (...) {
    finish(request, response.status, sent);
    throw;
  }
  finish(request, response.status, sent);
  co_return again;
}

// Reads the rest of the body. Past the read timeout it must keep arriving at the minimum rate on
// average, and no read may wait longer than the header timeout.
template <class Stream>
awaitable<boost::system::error_code> Server::Impl::read_body(Stream& stream, beast::flat_buffer& buffer,
                                                             bhttp::request_parser<bhttp::string_body>& parser) {
  auto& tcp_stream = beast::get_lowest_layer(stream);
  const auto started = std::chrono::steady_clock::now();
  std::size_t received = 0;
  while (!parser.is_done()) {
    tcp_stream.expires_after(options.header_timeout);
    auto [error, bytes] = co_await bhttp::async_read_some(stream, buffer, parser, tuple_awaitable);
    if (error) co_return error;
    received += bytes;
    const auto elapsed = std::chrono::steady_clock::now() - started;
    if (elapsed > options.read_timeout &&
        static_cast<double>(received) <
            static_cast<double>(options.min_body_bytes_per_second) * std::chrono::duration<double>(elapsed).count())
      co_return beast::error::timeout;
  }
  co_return boost::system::error_code{};
}

template <class Stream>
awaitable<std::size_t> Server::Impl::write_response(Stream& stream, const Request& request, Response& response,
                                                    bool keep_alive, asio::thread_pool& pool) {
  auto& tcp_stream = beast::get_lowest_layer(stream);
  const bool head = request.method == "HEAD";
  // A client that stops reading must not hold the connection forever.
  tcp_stream.expires_after(options.read_timeout);
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
        pool, [&]() -> awaitable<std::optional<std::string>> { co_return body->next_chunk(); }, use_awaitable);
    if (!chunk) break;
    if (chunk->empty()) {
      poll.expires_after(body->poll_interval());
      co_await poll.async_wait(use_awaitable);
      continue;
    }
    sent += chunk->size();
    tcp_stream.expires_after(options.read_timeout);
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
    throw std::runtime_error(
        "cannot listen on " + impl.options.host + ":" + std::to_string(impl.options.port) + ": " +
        (error == asio::error::address_in_use ? std::string{"the port is already in use"} : error.message()));
  if (!impl.options.tls_cert_file.empty()) impl.tls = load_tls(impl.options.tls_cert_file, impl.options.tls_key_file);
  impl.acceptor.listen(asio::socket_base::max_listen_connections);
  asio::co_spawn(impl.io, impl.accept_loop(), asio::detached);
  for (int i = 0; i < impl.options.io_threads; ++i) impl.threads.emplace_back([&impl] { impl.io.run(); });
}

void Server::reload_tls() {
  auto& impl = *impl_;
  if (impl.options.tls_cert_file.empty()) return;
  auto context = load_tls(impl.options.tls_cert_file, impl.options.tls_key_file);
  std::lock_guard lock{impl.tls_mutex};
  impl.tls = std::move(context);
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
      if (connection.state != Impl::State::busy) connection.cancel();
  } while (!impl.connections_changed.wait_until(
               lock, std::min(until, std::chrono::steady_clock::now() + std::chrono::milliseconds{50}),
               [&] { return impl.connections.empty(); }) &&
           std::chrono::steady_clock::now() < until);
  if (!impl.connections.empty())
    spdlog::warn("{} connections still busy at the shutdown deadline", impl.connections.size());
  lock.unlock();
  impl.io.stop();
  for (auto& thread : impl.threads) thread.join();
  impl.threads.clear();
  impl.handlers.join();
  impl.expensive.join();
}

}  // namespace vka::http
