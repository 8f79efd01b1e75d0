#include "app/config.hpp"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#include <boost/asio/ip/address.hpp>
#include <boost/url/parse.hpp>

#include <charconv>
#include <filesystem>
#include <fstream>

namespace vka::app {

namespace {

bool has_space_or_control(const std::string& text) {
  for (const unsigned char c : text)
    if (c <= ' ' || c == 0x7f) return true;
  return false;
}

// label: how the user gave the URL ("VKA_DATABASE_URL", "--database").
std::string check_database_url(const std::string& url, std::string_view label) {
  if (url.starts_with("sqlite://")) {
    return url.size() > std::string_view{"sqlite://"}.size()
               ? ""
               : fmt::format("{}: 'sqlite://' needs a file path, e.g. sqlite://./vk-analytics.db", label);
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return boost::urls::parse_uri(url) ? "" : fmt::format("{}: not a valid postgresql:// URL", label);
  }
  return fmt::format("{}: must start with sqlite:// or postgresql://", label);
}

std::string check_vk_api_url(const std::string& url) {
  const auto parsed = boost::urls::parse_uri(url);
  if (!parsed || (parsed->scheme() != "https" && parsed->scheme() != "http") || parsed->host().empty())
    return fmt::format("VKA_VK_API_URL: '{}' is not an http(s) URL such as https://api.vk.ru/method", url);
  return "";
}

void add_vk_problems(const Config& config, std::vector<std::string>& problems) {
  auto note = [&](std::string problem) {
    if (!problem.empty()) problems.push_back(std::move(problem));
  };
  note(check_vk_api_url(config.vk_api_url));
  if (config.vk_api_version.empty() || has_space_or_control(config.vk_api_version))
    note("VKA_VK_API_VERSION: must be a version such as 5.199");
  if (!(config.vk_rps > 0 && config.vk_rps <= 100))
    note("VKA_VK_RPS: must be a number of requests per second in (0, 100]");
  if (config.vk_token && (config.vk_token->empty() || has_space_or_control(*config.vk_token)))
    note("VKA_VK_TOKEN: must be a non-empty token without spaces");
}

}  // namespace

std::optional<ListenAddress> parse_listen(const std::string& listen) {
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) return std::nullopt;
  std::string host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (host == "localhost") host = "127.0.0.1";
  boost::system::error_code error;
  boost::asio::ip::make_address(host, error);
  if (error) return std::nullopt;
  unsigned port = 0;
  const auto* begin = listen.data() + colon + 1;
  const auto* end = listen.data() + listen.size();
  const auto [ptr, ec] = std::from_chars(begin, end, port);
  if (ec != std::errc{} || ptr != end || begin == end || port > 65535) return std::nullopt;
  return ListenAddress{host, static_cast<std::uint16_t>(port)};
}

std::string prepare_data_dir(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (!fs::exists(path, error)) {
    fs::create_directories(path, error);
    if (error) return fmt::format("VKA_DATA_DIR: cannot create '{}': {}", path, error.message());
    ::chmod(path.c_str(), 0700);
  }
  if (!fs::is_directory(path, error)) return fmt::format("VKA_DATA_DIR: '{}' is not a directory", path);
  if (::access(path.c_str(), W_OK | X_OK) != 0) return fmt::format("VKA_DATA_DIR: '{}' is not writable", path);
  return "";
}

std::vector<std::string> validate_storage(const Config& config) {
  std::vector<std::string> problems;
  for (auto problem : {check_database_url(config.database_url, "VKA_DATABASE_URL"), prepare_data_dir(config.data_dir)})
    if (!problem.empty()) problems.push_back(std::move(problem));
  return problems;
}

std::vector<std::string> validate_collector(const Config& config) {
  std::vector<std::string> problems;
  if (auto problem = check_database_url(config.database_url, "--database"); !problem.empty())
    problems.push_back(std::move(problem));
  add_vk_problems(config, problems);
  if (!config.vk_token)
    problems.push_back("VKA_VK_TOKEN: a VK access token is required (--vk-token or the environment)");
  return problems;
}

// Without VKA_VK_TOKEN a worker still collects the tasks that name a stored token (vk_token_id).
std::vector<std::string> validate_worker(const Config& config) {
  std::vector<std::string> problems = validate_storage(config);
  add_vk_problems(config, problems);
  if (config.workers < 1 || config.workers > 256) problems.push_back("--workers: must be between 1 and 256");
  return problems;
}

std::vector<std::string> validate(const Config& config) {
  std::vector<std::string> problems = validate_storage(config);
  auto note = [&](std::string problem) {
    if (!problem.empty()) problems.push_back(std::move(problem));
  };
  if (!parse_listen(config.listen))
    note(fmt::format("VKA_LISTEN: '{}' is not HOST:PORT with an IP address (or localhost) and a port 0..65535",
                     config.listen));
  add_vk_problems(config, problems);
  if (config.tls_cert_file.empty() != config.tls_key_file.empty())
    note("VKA_TLS_CERT_FILE and VKA_TLS_KEY_FILE: give both for HTTPS, or neither");
  if (config.admin_api_key && (config.admin_api_key->empty() || has_space_or_control(*config.admin_api_key)))
    note("VKA_ADMIN_API_KEY: must be a non-empty key without spaces");
  if (config.workers < 0 || config.workers > 256) note("--workers: must be between 0 and 256");
  if (config.shutdown_seconds < 0 || config.shutdown_seconds > 3600)
    note("--shutdown-seconds: must be between 0 and 3600");
  if (config.read_timeout_seconds < 1 || config.read_timeout_seconds > 3600)
    note("--read-timeout-seconds: must be between 1 and 3600");
  if (config.idle_timeout_seconds < 1 || config.idle_timeout_seconds > 3600)
    note("--idle-timeout-seconds: must be between 1 and 3600");
  if (config.max_body_bytes < 1024) note("--max-body-bytes: must be at least 1024");
  if (config.session_idle_hours < 1 || config.session_idle_hours > 24 * 366)
    note("VKA_SESSION_IDLE_HOURS: must be between 1 and 8784");
  if (config.session_max_days < 1 || config.session_max_days > 366)
    note("VKA_SESSION_MAX_DAYS: must be between 1 and 366");
  if (config.max_connections != 0 && config.max_connections < 16)
    note("--max-connections: must be 0 (automatic) or at least 16");
  if (config.header_timeout_seconds < 1 || config.header_timeout_seconds > 3600)
    note("--header-timeout-seconds: must be between 1 and 3600");
  if (config.rate_limit < 0) note("--rate-limit: must be 0 (off) or a number of requests per minute");
  if (config.expensive_concurrency < 1 || config.expensive_concurrency > 1000)
    note("--expensive-concurrency: must be between 1 and 1000");
  if (config.expensive_threads < 1 || config.expensive_threads > 256)
    note("--expensive-threads: must be between 1 and 256");
  if (config.failed_auth_limit < 1) note("--failed-auth-limit: must be at least 1");
  if (config.event_streams_per_credential < 1) note("--event-streams-per-credential: must be at least 1");
  if (config.event_streams_total < config.event_streams_per_credential)
    note("--event-streams-total: must be at least --event-streams-per-credential");
  return problems;
}

}  // namespace vka::app
