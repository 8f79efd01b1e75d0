#include "sim/vk_service.hpp"

#include <fmt/format.h>
#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <charconv>
#include <stdexcept>
#include <thread>

#include "sim/execute_script.hpp"
#include "sim/fault_plan.hpp"
#include "sim/growth.hpp"
#include "sim/methods.hpp"
#include "sim/truth.hpp"
#include "sim/vk_error.hpp"

namespace vka::sim {

namespace json = boost::json;

namespace {

constexpr std::string_view kJsonType = "application/json; charset=utf-8";
constexpr std::size_t kMaxExecuteCalls = 25;

struct Incoming {
  std::string token;
  Params params;  // without access_token, so that nothing echoes it
};

bool is_form(std::optional<std::string_view> content_type) {
  if (!content_type) return true;
  std::string lower{*content_type};
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return lower.find("application/x-www-form-urlencoded") != std::string::npos;
}

Incoming read_incoming(const http::Request& request) {
  auto items = parse_form(request.query);
  if (request.method == "POST" && is_form(request.headers.get("Content-Type"))) {
    auto body = parse_form(request.body);
    items.insert(items.end(), std::make_move_iterator(body.begin()), std::make_move_iterator(body.end()));
  }
  Incoming incoming;
  std::vector<std::pair<std::string, std::string>> kept;
  for (auto& item : items) {
    if (item.first == "access_token")
      incoming.token = std::move(item.second);
    else
      kept.push_back(std::move(item));
  }
  if (incoming.token.empty()) {
    const auto authorization = request.headers.get("Authorization");
    if (authorization && authorization->size() > 7 && http::iequals(authorization->substr(0, 7), "Bearer "))
      incoming.token = std::string{authorization->substr(7)};
  }
  incoming.params = Params{std::move(kept)};
  return incoming;
}

json::object error_envelope(const VkError& error, std::string_view method, const Params& params) {
  json::array echoed{json::object{{"key", "method"}, {"value", method}},
                     json::object{{"key", "oauth"}, {"value", "1"}}};
  for (const auto& [key, value] : params.items()) echoed.push_back(json::object{{"key", key}, {"value", value}});
  return json::object{
      {"error",
       json::object{{"error_code", error.code()}, {"error_msg", error.what()}, {"request_params", std::move(echoed)}}}};
}

http::Response json_response(std::string body) {
  http::Response response;
  response.headers.set("Content-Type", std::string{kJsonType});
  response.body = std::move(body);
  return response;
}

http::Response gateway_error(std::uint64_t detail) {
  const int status = detail % 2 == 0 ? 502 : 503;
  const std::string title = status == 502 ? "502 Bad Gateway" : "503 Service Temporarily Unavailable";
  http::Response response;
  response.status = status;
  response.headers.set("Content-Type", "text/html");
  response.body = "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title +
                  "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
  return response;
}

std::string error_outcome(const VkError& error) { return "error_" + std::to_string(error.code()); }

// VK requires v; 5.199 shapes are served for every accepted version (the product pins 5.199).
void check_version(const Params& params) {
  const auto version = params.get("v");
  if (!version || version->empty()) throw VkError{8, "Invalid request: v (version) is required"};
  const auto dot = version->find('.');
  const auto major = version->substr(0, dot);
  if (major != "5" || dot == std::string_view::npos) throw VkError{8, "Invalid request: version is invalid"};
  int minor = 0;
  const auto digits = version->substr(dot + 1);
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), minor);
  if (ec != std::errc{} || end != digits.data() + digits.size())
    throw VkError{8, "Invalid request: version is invalid"};
  if (minor < 81) throw VkError{8, "Invalid request: versions below 5.81 are deprecated"};
}

}  // namespace

VkService::VkService(SimOptions options, Clock clock)
    : options_([&] {
        const auto problems = validate(options);
        if (!problems.empty()) {
          std::string message;
          for (const auto& problem : problems) message += (message.empty() ? "" : "; ") + problem;
          throw std::invalid_argument(message);
        }
        return std::move(options);
      }()),
      clock_(std::move(clock)),
      dataset_(options_.dataset) {}

std::optional<VkService::TokenKind> VkService::token_kind(std::string_view token) const {
  const auto listed = [&](const std::vector<std::string>& list) {
    return std::find(list.begin(), list.end(), token) != list.end();
  };
  if (listed(options_.invalid_tokens)) return std::nullopt;
  if (listed(options_.service_tokens)) return TokenKind::service;
  if (options_.tokens.empty() || listed(options_.tokens)) return TokenKind::user;
  return std::nullopt;
}

std::string VkService::stats_label(std::string_view token) const {
  const auto listed = [&](const std::vector<std::string>& list) {
    return std::find(list.begin(), list.end(), token) != list.end();
  };
  if (listed(options_.tokens) || listed(options_.service_tokens)) return std::string{token};
  return fmt::format("unlisted-{:016x}", std::hash<std::string_view>{}(token));
}

http::Response VkService::handle_method(const http::Request& request) {
  const std::string method{request.path_param("name")};
  const auto incoming = read_incoming(request);
  const auto arrival = clock_();
  const auto answer = [&](const json::object& envelope, std::string_view outcome) {
    {
      std::lock_guard lock{mutex_};
      stats_.request(method, outcome);
    }
    return json_response(json::serialize(envelope));
  };
  const auto refuse = [&](const VkError& error) {
    return answer(error_envelope(error, method, incoming.params), error_outcome(error));
  };

  if (incoming.token.empty()) return refuse(VkError{5, "User authorization failed: no access_token passed."});
  const auto kind = token_kind(incoming.token);
  if (!kind) return refuse(VkError{5, "User authorization failed: invalid access_token (4)."});
  std::uint64_t number = 0;
  {
    std::lock_guard lock{mutex_};
    const auto label = stats_label(incoming.token);
    stats_.arrival(label, arrival);
    auto& state =
        tokens_
            .try_emplace(incoming.token, TokenState{{static_cast<std::size_t>(options_.rps), std::chrono::seconds{1}}})
            .first->second;
    if (!state.limiter.admit(arrival)) {
      stats_.rate_violation(label);
      stats_.request(method, "error_6");
      return json_response(
          json::serialize(error_envelope(VkError{6, "Too many requests per second"}, method, incoming.params)));
    }
    number = state.admitted++;
  }

  const auto fault = plan_fault(options_.dataset.seed, incoming.token, number, options_.fault_rate, options_.faults);
  if (fault) {
    const auto outcome = "fault_" + std::string{to_string(fault->fault)};
    switch (fault->fault) {
      case Fault::http_5xx: {
        std::lock_guard lock{mutex_};
        stats_.request(method, outcome);
        return gateway_error(fault->detail);
      }
      case Fault::error10:
        return answer(error_envelope(VkError{10, "Internal server error"}, method, incoming.params), outcome);
      case Fault::error9: return answer(error_envelope(VkError{9, "Flood control"}, method, incoming.params), outcome);
      case Fault::stall: std::this_thread::sleep_for(options_.stall); break;
      case Fault::truncated: break;
    }
  }

  json::object envelope;
  std::string outcome = "ok";
  try {
    envelope = call(method, incoming.params, incoming.token, *kind);
  } catch (const VkError& error) {
    envelope = error_envelope(error, method, incoming.params);
    outcome = error_outcome(error);
  }
  if (!fault) return answer(envelope, outcome);
  auto response = answer(envelope, "fault_" + std::string{to_string(fault->fault)});
  if (fault->fault == Fault::truncated) response.body.resize(truncated_length(response.body.size(), fault->detail));
  return response;
}

json::object VkService::call(std::string_view method, const Params& params, std::string_view token, TokenKind kind) {
  check_version(params);
  if (method == "execute") {
    if (kind == TokenKind::service)
      throw VkError{28, "Application authorization failed: method is unavailable with service token"};
    take_quota(token, method);
    const std::shared_lock data{data_mutex_};  // one script sees one state of the data
    return execute(params, token);
  }
  const auto handler = find_method(method);
  if (!handler) throw VkError{3, "Unknown method passed"};
  take_quota(token, method);
  const std::shared_lock data{data_mutex_};
  return json::object{{"response", handler(dataset_, params)}};
}

json::value VkService::call_inner(std::string_view method, const Params& params, std::string_view token) {
  const auto handler = find_method(method);
  if (!handler) throw VkError{3, "Unknown method passed"};
  take_quota(token, method);
  return handler(dataset_, params);
}

json::object VkService::execute(const Params& params, std::string_view token) {
  const auto code = params.required_text("code");
  Script script;
  try {
    script = parse_script(code);
  } catch (const ScriptError& error) {
    throw VkError{12, std::string{"Unable to compile code: "} + error.what()};
  }
  // VK stops a script at its 26th call with a runtime error; nothing here has side effects, so
  // refusing it before the first call is indistinguishable to the client.
  if (script.calls.size() > kMaxExecuteCalls)
    throw VkError{13, "Runtime error occurred during code invocation: Too many API calls"};
  std::vector<json::value> results;
  results.reserve(script.calls.size());
  json::array errors;
  for (const auto& inner : script.calls) {
    std::string outcome = "ok";
    try {
      results.push_back(call_inner(inner.method, Params{inner.params}, token));
    } catch (const VkError& error) {
      results.emplace_back(false);
      errors.push_back(
          json::object{{"method", inner.method}, {"error_code", error.code()}, {"error_msg", error.what()}});
      outcome = error_outcome(error);
    }
    std::lock_guard lock{mutex_};
    stats_.inner_call(inner.method, outcome);
  }
  json::object envelope{{"response", evaluate(script.result, results)}};
  if (!errors.empty()) envelope["execute_errors"] = std::move(errors);
  return envelope;
}

void VkService::take_quota(std::string_view token, std::string_view method) {
  const auto quota = options_.quotas.find(method);
  if (quota == options_.quotas.end()) return;
  std::lock_guard lock{mutex_};
  auto& used = tokens_.find(token)->second.calls[std::string{method}];
  if (used >= quota->second) throw VkError{29, "Rate limit reached"};
  ++used;
}

json::object VkService::stats() const {
  std::lock_guard lock{mutex_};
  return stats_.to_json();
}

void VkService::reset_stats() {
  std::lock_guard lock{mutex_};
  stats_ = SimStats{};
}

}  // namespace vka::sim

namespace vka::sim {

std::string VkService::truth_body() const {
  const std::lock_guard truth{truth_mutex_};
  if (!truth_body_) {
    const std::shared_lock data{data_mutex_};
    truth_body_ = boost::json::serialize(truth_json(dataset_));
  }
  return *truth_body_;
}

json::object VkService::grow(const json::value& spec) {
  const std::lock_guard truth{truth_mutex_};
  const std::unique_lock data{data_mutex_};
  auto added = sim::grow(dataset_, spec, mix(options_.dataset.seed, ++growths_));
  truth_body_.reset();
  return added;
}

}  // namespace vka::sim
