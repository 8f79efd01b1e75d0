#pragma once
// Service configuration: the contract's VKA_* environment variables, each also a flag.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vka::app {

struct Config {
  std::string database_url = "sqlite://./vk-analytics.db";
  std::string listen = "127.0.0.1:8080";
  std::string tls_cert_file;  // with tls_key_file: HTTPS (PEM files, reread on SIGHUP)
  std::string tls_key_file;
  std::string vk_api_url = "https://api.vk.ru/method";
  std::string vk_api_version = "5.199";
  std::optional<std::string> vk_token;
  double vk_rps = 3;
  std::optional<std::string> admin_api_key;
  std::string data_dir = "./vk-analytics-data";
  std::vector<std::string> cors_origins;
  std::vector<std::string> lexicon_files;   // user sentiment lexicons merged over the built-in one
  std::vector<std::string> stopword_files;  // user stop lists: words kept out of keywords and phrases
  std::string log_level = "info";
  int workers = 2;
  bool demo = false;
  int shutdown_seconds = 10;
  int read_timeout_seconds = 30;  // to receive one whole request, or to write a response
  int idle_timeout_seconds = 60;  // keep-alive connection without a request
  std::size_t max_body_bytes = 2 * 1024 * 1024;
  int session_idle_hours = 12;         // a session unused this long ends
  int session_max_days = 7;            // a session ends this long after sign-in, however used
  bool viewers_see_all = false;        // viewers read every task, not only those shared with them
  bool webhook_allow_private = false;  // task webhooks may call private, loopback and link-local addresses
  // Limits (docs/operations.md); 0 connections means sized from RLIMIT_NOFILE.
  std::size_t max_connections = 0;
  int header_timeout_seconds = 10;                    // a new connection's first header, or any started header
  std::size_t min_body_bytes_per_second = 16 * 1024;  // after read_timeout_seconds
  long rate_limit = 6000;                             // requests per minute per credential and per address; 0 = off
  int expensive_concurrency = 2;  // concurrent analyze, export and analytics requests per credential
  int expensive_threads = 2;
  long failed_auth_limit = 100;  // invalid credentials per address within 5 minutes
  int event_streams_per_credential = 5;
  int event_streams_total = 200;
  std::size_t page_cache_bytes = 64 * 1024 * 1024;  // encoded listing pages of finished tasks; 0 = none kept
};

struct ListenAddress {
  std::string host;
  std::uint16_t port = 0;
};

// Each problem is one human sentence naming the variable or flag it is about.
// validate_storage checks what every database command needs (and creates the data directory);
// validate checks everything `serve` needs; validate_collector what `collect` needs (the database URL,
// the VK settings and a token; no data directory).
std::vector<std::string> validate_storage(const Config& config);
std::vector<std::string> validate(const Config& config);
std::vector<std::string> validate_collector(const Config& config);
// What `worker` needs: the database, the VK settings and a token.
std::vector<std::string> validate_worker(const Config& config);
std::optional<ListenAddress> parse_listen(const std::string& listen);
// Creates the data directory (0700) if needed and checks that it is writable; "" when fine.
std::string prepare_data_dir(const std::string& path);

}  // namespace vka::app
