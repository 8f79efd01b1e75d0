#pragma once
// The HTTP/1.1 server: Beast on a multi-threaded io_context; handlers run on a separate
// blocking pool so that database work never stalls network threads.
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
  std::size_t max_header_bytes = 16 * 1024;
  std::size_t max_body_bytes = 2 * 1024 * 1024;
  std::chrono::milliseconds read_timeout{30'000};  // to receive one whole request once it started
  std::chrono::milliseconds idle_timeout{60'000};  // between requests on a keep-alive connection
};

class Server {
 public:
  Server(ServerOptions options, const Pipeline& pipeline);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts serving; throws std::runtime_error with a clear message (e.g. port in use).
  void start();
  std::uint16_t port() const;
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
