#pragma once
// The VK API simulator as an embeddable server: `vk-analytics vk-sim`, `serve --demo`, tests and
// benchmarks start one and point a VK client at base_url().
#include <cstdint>
#include <memory>
#include <string>

#include "sim/options.hpp"

namespace vka::sim {

class VkService;

class Simulator {
 public:
  // Generates the dataset; throws std::invalid_argument listing problems with the options.
  explicit Simulator(SimOptions options);
  ~Simulator();
  Simulator(const Simulator&) = delete;
  Simulator& operator=(const Simulator&) = delete;

  // Binds and serves (port 0 picks a free one); throws std::runtime_error when it cannot listen.
  void start(const std::string& host = "127.0.0.1", std::uint16_t port = 0);
  std::uint16_t port() const;
  // "http://127.0.0.1:PORT/method" — the VK API base URL to give a client.
  std::string base_url() const;
  // Lets in-flight requests finish (a stalled one at most its stall), then stops. Idempotent.
  void stop();

  VkService& service();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vka::sim
