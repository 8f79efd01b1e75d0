#include "collect/vk_gateway.hpp"

#include <algorithm>
#include <optional>

#include "vk/execute.hpp"

namespace vka::collect {

namespace {

using vk::ErrorAction;

// When the current thread's last request left for VK: the pacer wait is that minus the call's start.
thread_local std::optional<vk::Clock::time_point> sent_at;

class TimedTransport final : public vk::HttpTransport {
 public:
  TimedTransport(vk::HttpTransport& inner, vk::Clock& clock) : inner_(inner), clock_(clock) {}
  domain::Result<vk::HttpResponse, vk::TransportError> post(std::string_view url, std::string_view body) override {
    sent_at = clock_.now();
    return inner_.post(url, body);
  }

 private:
  vk::HttpTransport& inner_;
  vk::Clock& clock_;
};

vk::VkFailure failure(ErrorAction action, std::string code, std::string message) {
  vk::VkFailure f;
  f.action = action;
  f.code = std::move(code);
  f.message = std::move(message);
  return f;
}

vk::VkFailure interrupted() {
  return failure(ErrorAction::retry_backoff, "collect_interrupted", "the call was not sent: the job is stopping");
}

}  // namespace

bool is_transient(const vk::VkFailure& f) {
  switch (f.action) {
    case ErrorAction::retry_backoff:
    case ErrorAction::wait_rate:
    case ErrorAction::flood_backoff:
    case ErrorAction::quota:
    case ErrorAction::park_token: return true;
    default: return false;
  }
}

bool is_token_exhaustion(const vk::VkFailure& f) {
  return f.action == ErrorAction::retire_token || f.action == ErrorAction::wrong_token_type;
}

struct VkGateway::Token {
  enum class Execute { unknown, yes, no };
  std::string fingerprint;
  std::unique_ptr<vk::Pacer> pacer;
  std::unique_ptr<vk::VkClient> client;
  Execute execute = Execute::unknown;
  bool retired = false;
  std::optional<vk::VkFailure> refusal;                              // VK's answer that retired it
  std::optional<vk::Clock::time_point> parked_until;                 // every method (captcha)
  std::map<std::string, vk::Clock::time_point> method_parked_until;  // quota, or forever for a wrong token type
};

// The state of one send() between its requests.
struct VkGateway::Round {
  std::vector<std::optional<CallResult>>& done;
  std::vector<std::optional<vk::VkFailure>>& last;  // each call's latest transient failure
  std::vector<std::size_t> again;                   // calls to send once more
  std::size_t max_batch = vk::kMaxExecuteCalls;
  bool backoff = false;  // a transient failure: wait before the next round
  bool flood = false;    // flood control: wait longer
  bool counted = false;  // a failure that counts as an attempt without waiting (error 6)
};

VkGateway::VkGateway(vk::HttpTransport& transport, vk::Clock& clock, std::vector<TokenConfig> tokens,
                     GatewayOptions options, std::shared_ptr<VkObserver> observer, std::function<double()> uniform01)
    : transport_(transport),
      clock_(clock),
      options_(std::move(options)),
      observer_(std::move(observer)),
      timed_transport_(std::make_unique<TimedTransport>(transport_, clock_)),
      breaker_(options_.breaker),
      transient_backoff_(options_.transient_backoff, uniform01),
      flood_backoff_(options_.flood_backoff, uniform01) {
  for (TokenConfig& config : tokens) tokens_.push_back(make_token(std::move(config)));
  pool_size_ = tokens_.size();
}

std::unique_ptr<VkGateway::Token> VkGateway::make_token(TokenConfig config) const {
  auto token = std::make_unique<Token>();
  token->fingerprint = config.token.fingerprint();
  vk::PacerOptions pacing;
  pacing.requests_per_window = std::max<std::size_t>(config.requests_per_second, 1);
  pacing.safety_margin = options_.pacer_safety_margin;
  vk::SharedBooking shared;
  if (options_.book_send) {
    shared = [book = options_.book_send, key = token->fingerprint, limit = pacing.requests_per_window,
              window = pacing.window + pacing.safety_margin] { return book(key, limit, window); };
  }
  token->pacer = std::make_unique<vk::Pacer>(pacing, clock_, std::move(shared));
  token->client = std::make_unique<vk::VkClient>(*timed_transport_, *token->pacer, std::move(config.token),
                                                 vk::VkClientOptions{options_.base_url, options_.version});
  return token;
}

std::size_t VkGateway::use_token(TokenConfig config) {
  const std::string fingerprint = config.token.fingerprint();
  std::lock_guard guard(mutex_);
  for (std::size_t i = 0; i < tokens_.size(); ++i)
    if (tokens_[i]->fingerprint == fingerprint) return i;
  tokens_.push_back(make_token(std::move(config)));
  return tokens_.size() - 1;
}

VkGateway::Token& VkGateway::token_at(std::size_t index) const {
  std::lock_guard guard(mutex_);
  return *tokens_.at(index);
}

std::pair<std::size_t, std::size_t> VkGateway::candidates(std::optional<std::size_t> only) const {
  return only ? std::pair{*only, *only + 1} : std::pair{std::size_t{0}, pool_size_};
}

VkGateway::~VkGateway() = default;

std::size_t VkGateway::token_count() const {
  std::lock_guard guard(mutex_);
  return tokens_.size();
}

bool VkGateway::batches(std::size_t index) const {
  std::lock_guard guard(mutex_);
  return tokens_.at(index)->execute == Token::Execute::yes;
}

bool VkGateway::retired(std::size_t index) const {
  std::lock_guard guard(mutex_);
  return tokens_.at(index)->retired;
}

std::int64_t VkGateway::rate_errors() const {
  std::lock_guard guard(mutex_);
  return rate_errors_;
}

vk::Clock::duration VkGateway::paused_for() const {
  const auto now = clock_.now();
  if (breaker_.state(now) != vk::CircuitBreaker::State::open) return vk::Clock::duration::zero();
  return std::max(breaker_.reopens_at() - now, vk::Clock::duration::zero());
}

void VkGateway::observe(std::string_view method, std::string_view outcome) {
  if (observer_) observer_->on_vk_request(method, outcome);
}

std::optional<std::size_t> VkGateway::pick_token(const std::string& method, std::optional<std::size_t> only) {
  std::lock_guard guard(mutex_);
  const auto now = clock_.now();
  const auto [first, end] = candidates(only);
  for (std::size_t i = first; i < end; ++i) {
    const Token& token = *tokens_[i];
    if (token.retired || (token.parked_until && *token.parked_until > now)) continue;
    const auto parked = token.method_parked_until.find(method);
    if (parked != token.method_parked_until.end() && parked->second > now) continue;
    return i;
  }
  return std::nullopt;
}

vk::VkFailure VkGateway::no_token_failure(const std::string& method, std::optional<std::size_t> only) {
  std::lock_guard guard(mutex_);
  const auto [first, end] = candidates(only);
  for (std::size_t i = first; i < end; ++i) {
    const Token& token = *tokens_[i];
    if (token.retired) continue;
    const auto parked = token.method_parked_until.find(method);
    if (parked != token.method_parked_until.end() && parked->second == vk::Clock::time_point::max()) continue;
    return failure(ErrorAction::quota, "vk_rate_limit_reached",
                   "every VK token is resting after a quota or captcha answer for " + method + "; retrying later");
  }
  // A token VK refused (error 5: invalid, expired or revoked…) says so, rather than leaving the caller to guess.
  for (std::size_t i = first; i < end; ++i)
    if (const auto& refusal = tokens_[i]->refusal) {
      auto f =
          failure(ErrorAction::retire_token, "vk_no_usable_token",
                  end - first == 1 ? "the VK token was refused by VK (" + refusal->message + ")"
                                   : "no VK token can call " + method + "; VK refused one (" + refusal->message + ")");
      f.vk_error_code = refusal->vk_error_code;
      return f;
    }
  return failure(ErrorAction::retire_token, "vk_no_usable_token", "no VK token can call " + method);
}

bool VkGateway::sleep_for(vk::Clock::duration pause, const std::function<bool()>& stop) {
  const auto step = std::chrono::duration_cast<vk::Clock::duration>(std::chrono::milliseconds(200));
  const auto until = clock_.now() + pause;
  for (auto now = clock_.now(); now < until; now = clock_.now()) {
    if (stop && stop()) return false;
    clock_.sleep_for(std::min(step, until - now));
  }
  return !(stop && stop());
}

void VkGateway::probe(Token& token, std::string_view task_key, BatchResult& result) {
  sent_at.reset();
  auto answer = token.client->call(vk::Request{"execute", {{"code", "return 1;"}}}, task_key);
  ++result.vk_requests;
  observe("execute", answer ? "ok" : answer.error().code);
  std::lock_guard guard(mutex_);
  if (answer) {
    token.execute = Token::Execute::yes;
  } else if (answer.error().action == ErrorAction::wrong_token_type) {
    token.execute = Token::Execute::no;
  } else if (answer.error().action == ErrorAction::retire_token) {
    token.retired = true;
    token.refusal = answer.error();
  }
}

bool VkGateway::settle(std::size_t token_index, const std::string& method, const vk::VkFailure& f, Round& round) {
  std::lock_guard guard(mutex_);
  Token& token = *tokens_[token_index];  // mutex_ is held
  const auto now = clock_.now();
  switch (f.action) {
    case ErrorAction::retry_backoff: round.backoff = true; return false;
    case ErrorAction::flood_backoff: round.flood = true; return false;
    case ErrorAction::wait_rate:
      ++rate_errors_;
      token.pacer->hold_for(options_.rate_hold);
      round.counted = true;
      return false;
    case ErrorAction::quota: token.method_parked_until[method] = now + options_.quota_park; return false;
    case ErrorAction::wrong_token_type: token.method_parked_until[method] = vk::Clock::time_point::max(); return false;
    case ErrorAction::park_token: token.parked_until = now + options_.captcha_park; return false;
    case ErrorAction::retire_token:
      token.retired = true;
      token.refusal = f;
      return false;
    case ErrorAction::smaller_batch:
    case ErrorAction::skip_record:
    case ErrorAction::fail: return true;
  }
  return true;
}

void VkGateway::dispatch(std::size_t token_index, std::span<const std::size_t> group,
                         std::span<const vk::Request> calls, std::string_view task_key, std::optional<std::size_t> only,
                         Round& round, BatchResult& result) {
  Token& token = token_at(token_index);
  const auto timed = [&](std::string_view method, auto&& call) {
    sent_at.reset();
    const auto started = clock_.now();
    auto answer = call();
    ++result.vk_requests;
    if (observer_ && sent_at) observer_->on_pacer_wait(*sent_at - started);
    observe(method, answer ? std::string_view("ok") : std::string_view(answer.error().code));
    if (answer) {
      breaker_.record_success(clock_.now());
    } else if (answer.error().action == ErrorAction::retry_backoff) {
      breaker_.record_failure(clock_.now());
      std::lock_guard guard(mutex_);
      last_breaker_failure_ = answer.error();
      last_breaker_failure_->code = "vk_unavailable";
    }
    return answer;
  };
  const auto settle_call = [&](std::size_t call, const vk::VkFailure& f) {
    if (settle(token_index, calls[call].method, f, round)) {
      round.done[call] = f;
    } else {
      round.last[call] = f;
      round.again.push_back(call);
    }
  };

  bool execute = false;
  if (group.size() > 1) {
    std::unique_lock lock(mutex_);
    if (token.execute == Token::Execute::unknown) {
      lock.unlock();
      probe(token, task_key, result);
      lock.lock();
    }
    execute = token.execute == Token::Execute::yes && !token.retired;
  }

  if (execute) {
    std::vector<vk::Request> batch;
    for (std::size_t call : group) batch.push_back(calls[call]);
    auto answer = timed("execute", [&] { return token.client->execute(batch, task_key); });
    if (!answer) {
      const vk::VkFailure& f = answer.error();
      if (f.action == ErrorAction::smaller_batch) {
        round.max_batch = std::max<std::size_t>(1, group.size() / 2);
        round.again.assign(group.begin(), group.end());
      } else if (f.action == ErrorAction::wrong_token_type) {
        std::lock_guard guard(mutex_);
        token.execute = Token::Execute::no;
        round.again.assign(group.begin(), group.end());
      } else if (f.action == ErrorAction::wait_rate) {  // one answer, one pacer bug
        settle(token_index, "execute", f, round);
        for (std::size_t call : group) round.last[call] = f;
        round.again.assign(group.begin(), group.end());
      } else {
        for (std::size_t call : group) settle_call(call, f);
      }
      return;
    }
    for (std::size_t k = 0; k < group.size(); ++k) {
      if (auto* payload = std::get_if<vk::Payload>(&(*answer)[k])) {
        round.done[group[k]] = *payload;
      } else {
        settle_call(group[k], vk::failure_from(std::get<vk::ApiError>((*answer)[k])));
      }
    }
    return;
  }

  for (std::size_t k = 0; k < group.size(); ++k) {
    const std::size_t call = group[k];
    if (pick_token(calls[call].method, only) != token_index) {  // the token was parked or retired meanwhile
      round.again.insert(round.again.end(), group.begin() + static_cast<std::ptrdiff_t>(k), group.end());
      return;
    }
    auto answer = timed(calls[call].method, [&] { return token.client->call(calls[call], task_key); });
    if (answer) {
      round.done[call] = answer->response;
    } else if (answer.error().action == ErrorAction::smaller_batch) {
      vk::VkFailure f = answer.error();
      f.action = ErrorAction::fail;  // one call cannot be made smaller
      round.done[call] = std::move(f);
    } else {
      settle_call(call, answer.error());
    }
  }
}

BatchResult VkGateway::send(std::span<const vk::Request> calls, std::string_view task_key,
                            const std::function<bool()>& stop, std::optional<std::size_t> only) {
  BatchResult result;
  std::vector<std::optional<CallResult>> done(calls.size());
  std::vector<std::optional<vk::VkFailure>> last(calls.size());
  std::vector<std::size_t> pending(calls.size());
  for (std::size_t i = 0; i < calls.size(); ++i) pending[i] = i;
  std::size_t max_batch = vk::kMaxExecuteCalls;
  int attempts = 0;

  const auto fail_pending = [&](const vk::VkFailure& f) {
    for (std::size_t call : pending) done[call] = f;
    pending.clear();
  };

  while (!pending.empty()) {
    if (stop && stop()) {
      fail_pending(interrupted());
      break;
    }
    if (!breaker_.allow(clock_.now())) {
      std::lock_guard guard(mutex_);
      fail_pending(last_breaker_failure_.value_or(failure(ErrorAction::retry_backoff, "vk_unavailable",
                                                          "VK unreachable: calls paused after repeated failures")));
      break;
    }
    std::optional<std::size_t> chosen;
    std::vector<std::size_t> group;
    std::vector<std::size_t> rest;
    for (std::size_t call : pending) {
      const auto token = pick_token(calls[call].method, only);
      if (!token) {
        done[call] = no_token_failure(calls[call].method, only);
        continue;
      }
      if (!chosen) chosen = token;
      if (*token == *chosen && group.size() < max_batch) {
        group.push_back(call);
      } else {
        rest.push_back(call);
      }
    }
    if (group.empty()) break;

    Round round{done, last, {}, max_batch};
    dispatch(*chosen, group, calls, task_key, only, round, result);
    max_batch = round.max_batch;
    if (!round.again.empty()) ++result.retries;
    pending = std::move(round.again);
    pending.insert(pending.end(), rest.begin(), rest.end());
    std::sort(pending.begin(), pending.end());

    if (round.backoff || round.flood || round.counted) {
      ++attempts;
      if (attempts >= options_.max_attempts) {
        std::vector<std::size_t> still;
        for (std::size_t call : pending) {
          if (last[call]) {
            done[call] = *last[call];
          } else {
            still.push_back(call);
          }
        }
        pending = std::move(still);
        continue;
      }
      vk::Clock::duration pause{};
      {
        std::lock_guard guard(mutex_);
        if (round.flood) {
          pause = flood_backoff_.delay(attempts - 1);
        } else if (round.backoff) {
          pause = transient_backoff_.delay(attempts - 1);
        }
      }
      if (!sleep_for(pause, stop)) {
        fail_pending(interrupted());
        break;
      }
    }
  }

  result.calls.reserve(calls.size());
  for (auto& outcome : done) result.calls.push_back(outcome ? std::move(*outcome) : CallResult(interrupted()));
  return result;
}

}  // namespace vka::collect
