#include "app/logging.hpp"

#include <spdlog/async.h>
#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <stdexcept>

namespace vka::app {

namespace {

// %j: the message as the inside of a JSON string.
class JsonEscapedMessage final : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg& msg, const std::tm&, spdlog::memory_buf_t& dest) override {
    static constexpr char hex[] = "0123456789abcdef";
    for (const char c : msg.payload) {
      switch (c) {
        case '"': dest.append(std::string_view{"\\\""}); break;
        case '\\': dest.append(std::string_view{"\\\\"}); break;
        case '\n': dest.append(std::string_view{"\\n"}); break;
        case '\r': dest.append(std::string_view{"\\r"}); break;
        case '\t': dest.append(std::string_view{"\\t"}); break;
        default:
          if (static_cast<unsigned char>(c) < 0x20) {
            const char escaped[] = {'\\', 'u', '0', '0', hex[(c >> 4) & 0xf], hex[c & 0xf]};
            dest.append(escaped, escaped + sizeof escaped);
          } else {
            dest.push_back(c);
          }
      }
    }
  }
  std::unique_ptr<custom_flag_formatter> clone() const override { return std::make_unique<JsonEscapedMessage>(); }
};

constexpr std::string_view access_logger = "access";
constexpr std::size_t queued_lines = 8192;  // a full queue makes the logging thread wait rather than lose lines

// The access logger's lines are JSON already; every other line is wrapped into one.
class JsonLines final : public spdlog::formatter {
 public:
  JsonLines() {
    auto json = std::make_unique<spdlog::pattern_formatter>(spdlog::pattern_time_type::utc);
    json->add_flag<JsonEscapedMessage>('j').set_pattern(
        R"({"ts":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l","logger":"%n","msg":"%j"})");
    wrapped_ = std::move(json);
  }
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    if (msg.logger_name != access_logger) return wrapped_->format(msg, dest);
    dest.append(msg.payload.begin(), msg.payload.end());
    dest.push_back('\n');
  }
  std::unique_ptr<spdlog::formatter> clone() const override { return std::make_unique<JsonLines>(); }

 private:
  std::unique_ptr<spdlog::formatter> wrapped_;
};

// One sink per file descriptor, made once and kept by every logger that writes to stderr.
const std::shared_ptr<spdlog::sinks::stderr_sink_mt>& stderr_sink() {
  static const auto sink = [] {
    auto made = std::make_shared<spdlog::sinks::stderr_sink_mt>();
    made->set_formatter(std::make_unique<JsonLines>());
    return made;
  }();
  return sink;
}

std::shared_ptr<spdlog::logger> queued_logger(std::string_view name, spdlog::level::level_enum level) {
  if (!spdlog::thread_pool()) spdlog::init_thread_pool(queued_lines, 1);
  auto logger = std::make_shared<spdlog::async_logger>(std::string{name}, stderr_sink(), spdlog::thread_pool(),
                                                       spdlog::async_overflow_policy::block);
  logger->set_level(level);
  return logger;
}

}  // namespace

void setup_logging(const std::string& level) {
  const auto parsed = spdlog::level::from_str(level);
  if (parsed == spdlog::level::off && level != "off")
    throw std::invalid_argument("unknown log level '" + level + "' (trace, debug, info, warn, error, off)");
  spdlog::set_default_logger(queued_logger("vka", parsed));
  spdlog::drop(std::string{access_logger});
  spdlog::register_logger(queued_logger(access_logger, parsed));
}

void flush_logs() { spdlog::shutdown(); }

}  // namespace vka::app
