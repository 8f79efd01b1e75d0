#pragma once
// The HTTP/1.1 server: Beast on a multi-threaded io_context; handlers run on a separate
// blocking pool so that database work never stalls network threads, expensive routes on a pool
// of their own so that they never starve health checks and cheap reads.
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "http/pipeline.hpp"

namespace vka::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 picks a free port
  int io_threads = 2;
  int handler_threads = 8;
  int expensive_threads = 2;
  // Open connections at most; 0 sizes it from RLIMIT_NOFILE. At the cap a new connection takes the
  // place of the oldest one that has not sent a whole request header.
  std::size_t max_connections = 0;
  std::size_t max_header_bytes = 16 * 1024;
  std::size_t max_body_bytes = 2 * 1024 * 1024;
  std::chrono::milliseconds header_timeout{10'000};  // for a new connection's first header, or a started one
  std::chrono::milliseconds read_timeout{30'000};    // a body may take longer only while it arrives at the minimum rate
  std::chrono::milliseconds idle_timeout{60'000};    // between requests on a keep-alive connection
  std::size_t min_body_bytes_per_second = 16 * 1024;
  // Both set: HTTPS only (TLS 1.2+), PEM files.
  std::string tls_cert_file;
  std::string tls_key_file;
};

// The connection cap that RLIMIT_NOFILE leaves room for (files, database and VK connections aside).
std::size_t default_max_connections();

class Server {
 public:
  Server(ServerOptions options, const Pipeline& pipeline);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts serving; throws std::runtime_error with a clear message (e.g. port in use).
  void start();
  std::uint16_t port() const;
  // Rereads the TLS certificate and key for new connections; throws std::runtime_error (and keeps
  // the current ones) when they cannot be used. Nothing to do without TLS.
  void reload_tls();
  // Stops accepting, lets in-flight requests finish until `deadline`, closes idle
  // connections, then stops every thread. Safe to call once from any thread.
  void shutdown(std::chrono::milliseconds deadline);
  // True once shutdown began: streaming bodies use it to end early.
  bool stopping() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vka::http
