#pragma once
// A tiny HTTP/1.1 server on 127.0.0.1 for the client tests, written on raw sockets so its
// behaviour (delays, drops, statuses) is fully under the test's control.
// Routes: /echo → 200 with the request body; /fail → 500 "oops"; /slow → 200 after 500 ms;
// /drop → 200, then the server closes the connection without saying so.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace vka::vk::testing {

class LocalHttpServer {
 public:
  LocalHttpServer() {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(listener_, 16) != 0) {
      throw std::runtime_error("cannot listen");
    }
    socklen_t length = sizeof address;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    acceptor_ = std::thread([this] { accept_loop(); });
  }

  ~LocalHttpServer() {
    stopping_ = true;
    ::shutdown(listener_, SHUT_RDWR);
    ::close(listener_);
    acceptor_.join();
    {
      std::lock_guard guard(mutex_);
      for (int fd : open_) ::shutdown(fd, SHUT_RDWR);
    }
    for (auto& worker : workers_) worker.join();
  }

  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
  int accepted() const { return accepted_; }
  std::string last_body() const {
    std::lock_guard guard(mutex_);
    return last_body_;
  }

 private:
  void accept_loop() {
    while (!stopping_) {
      const int fd = ::accept(listener_, nullptr, nullptr);
      if (fd < 0) return;
      ++accepted_;
      std::lock_guard guard(mutex_);
      open_.push_back(fd);
      workers_.emplace_back([this, fd] { serve(fd); });
    }
  }

  void serve(int fd) {
    std::string pending;
    char chunk[4096];
    for (;;) {
      const auto head_end = pending.find("\r\n\r\n");
      if (head_end == std::string::npos) {
        const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0) break;
        pending.append(chunk, static_cast<std::size_t>(n));
        continue;
      }
      const std::string head = pending.substr(0, head_end);
      std::size_t length = 0;
      if (const auto at = head.find("Content-Length: "); at != std::string::npos)
        length = std::stoul(head.substr(at + 16));
      while (pending.size() < head_end + 4 + length) {
        const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0) return finish(fd);
        pending.append(chunk, static_cast<std::size_t>(n));
      }
      const std::string body = pending.substr(head_end + 4, length);
      pending.erase(0, head_end + 4 + length);
      {
        std::lock_guard guard(mutex_);
        last_body_ = body;
      }
      const std::string path = head.substr(head.find(' ') + 1, head.find(' ', head.find(' ') + 1) - head.find(' ') - 1);
      if (path == "/slow") std::this_thread::sleep_for(std::chrono::milliseconds(500));
      const bool fail = path == "/fail";
      const std::string reply_body = fail ? "oops" : body;
      const std::string reply =
          std::string(fail ? "HTTP/1.1 500 Internal Server Error" : "HTTP/1.1 200 OK") +
          "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(reply_body.size()) + "\r\n\r\n" +
          reply_body;
      ::send(fd, reply.data(), reply.size(), MSG_NOSIGNAL);
      if (path == "/drop") break;
    }
    finish(fd);
  }

  void finish(int fd) {
    std::lock_guard guard(mutex_);
    ::shutdown(fd, SHUT_RDWR);
    std::erase(open_, fd);
    ::close(fd);
  }

  int listener_ = -1;
  unsigned short port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> accepted_{0};
  mutable std::mutex mutex_;
  std::vector<int> open_;
  std::vector<std::thread> workers_;
  std::string last_body_;
  std::thread acceptor_;
};

}  // namespace vka::vk::testing
