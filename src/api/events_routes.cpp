#include <fmt/format.h>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <charconv>

#include "api/authenticated.hpp"
#include "api/routes.hpp"
#include "api/task_access.hpp"
#include "auth/permissions.hpp"
#include "http/api_error.hpp"
#include "http/rate_limiter.hpp"

namespace vka::api {

namespace {

constexpr auto heartbeat_every = std::chrono::seconds{15};
constexpr auto recheck_credential_every = std::chrono::seconds{5};
constexpr int events_per_chunk = 200;

// Server-Sent Events of one source of the EventFeed (a task, or the audit trail): every stored event after
// `after_seq`, with its seq as the event id, then new ones as they are written; ends once a task finished
// and all its events were sent, or once the caller may no longer read them (a revoked key, an admin who is
// one no more).
class FeedStream final : public http::BodyStream {
 public:
  using Allowed = bool (*)(const auth::Principal&);
  using Data = boost::json::value (*)(const store::StoredEvent&);

  FeedStream(Services& services, const http::Request& request, std::string source, std::int64_t after_seq,
             std::shared_ptr<void> slot, Allowed allowed, Data data)
      : services_(services),
        source_(std::move(source)),
        last_seq_(after_seq),
        slot_(std::move(slot)),
        watch_(services.event_feed.watch(source_, after_seq)),
        allowed_(allowed),
        data_(data) {
    for (const auto& [name, value] : request.headers.fields())
      if (http::iequals(name, "Authorization") || http::iequals(name, "Cookie")) credential_.headers.add(name, value);
    credential_.remote_address = request.remote_address;
  }

  std::optional<std::string> next_chunk() override {
    const auto now = std::chrono::steady_clock::now();
    if (now - last_check_ >= recheck_credential_every) {
      last_check_ = now;
      if (!still_allowed()) return std::nullopt;
    }
    std::string chunk = std::exchange(preamble_, "");
    const auto update = services_.event_feed.read(source_, last_seq_, events_per_chunk);
    for (const auto& event : update.events) {
      chunk += fmt::format("id: {}\nevent: {}\ndata: {}\n\n", event.seq, event.type,
                           boost::json::serialize(data_(event)));
      last_seq_ = event.seq;
    }
    if (!chunk.empty()) {
      last_write_ = now;
      return chunk;
    }
    if (update.finished) return std::nullopt;
    if (now - last_write_ >= heartbeat_every) {
      last_write_ = now;
      return std::string{": heartbeat\n\n"};
    }
    return std::string{};
  }

 private:
  bool still_allowed() const {
    try {
      return allowed_(services_.authenticator.authenticate(credential_));
    } catch (const http::ApiError&) {
      return false;
    }
  }

  Services& services_;
  std::string source_;
  std::int64_t last_seq_;
  std::shared_ptr<void> slot_;   // this stream's place under the caps
  std::shared_ptr<void> watch_;  // keeps the source followed by the feed
  Allowed allowed_;
  Data data_;
  http::Request credential_;  // the headers that authenticated the stream
  std::string preamble_ = "retry: 2000\n\n";
  std::chrono::steady_clock::time_point last_write_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_check_ = std::chrono::steady_clock::now();
};

bool any_caller(const auth::Principal&) { return true; }

boost::json::value task_event_data(const store::StoredEvent& event) {
  return boost::json::object{{"task_id", event.task_id},
                             {"seq", event.seq},
                             {"type", event.type},
                             {"at", domain::format_rfc3339(event.at)},
                             {"payload", boost::json::parse(event.payload_json)}};
}

boost::json::value audit_event_data(const store::StoredEvent& event) { return boost::json::parse(event.payload_json); }

std::int64_t last_event_id(const http::Request& request) {
  const auto header = request.headers.get("Last-Event-ID");
  if (!header || header->empty()) return 0;
  std::int64_t seq = 0;
  const auto [end, error] = std::from_chars(header->data(), header->data() + header->size(), seq);
  if (error != std::errc{} || end != header->data() + header->size() || seq < 0)
    throw http::validation_failed("Last-Event-ID must be an event id this stream sent.",
                                  {{"Last-Event-ID", "must be a non-negative integer"}});
  return seq;
}

// Opens a stream of `source` for the caller, under the stream caps.
http::Response event_stream(Services& services, http::Request& request, const auth::Principal& principal,
                            std::string source, FeedStream::Allowed allowed, FeedStream::Data data) {
  const auto after_seq = last_event_id(request);
  auto slot = services.event_feed.open_stream(principal.id);
  if (!slot) {
    const auto& limits = services.event_feed.limits();
    throw http::rate_limited(fmt::format("Too many event streams are open (at most {} per credential, {} in all); "
                                         "close one first.",
                                         limits.per_credential, limits.total),
                             {.allowed = false,
                              .limit = limits.per_credential,
                              .remaining = 0,
                              .reset = std::chrono::seconds{5},
                              .retry_after = std::chrono::seconds{5}});
  }
  http::Response response;
  response.headers.set("Content-Type", "text/event-stream; charset=utf-8");
  response.headers.set("Cache-Control", "no-store");
  response.headers.set("X-Accel-Buffering", "no");
  response.stream =
      std::make_shared<FeedStream>(services, request, std::move(source), after_seq, std::move(slot), allowed, data);
  return response;
}

http::Response task_events(Services& services, http::Request& request, const auth::Principal& principal) {
  const auto task = visible_task(services, principal, request.path_param("id"));
  return event_stream(services, request, principal, task.id, any_caller, task_event_data);
}

http::Response audit_events(Services& services, http::Request& request, const auth::Principal& principal) {
  if (!auth::can_read_audit(principal)) throw http::forbidden("Only admins read the audit trail.");
  return event_stream(services, request, principal, std::string{audit_source}, auth::can_read_audit,
                      audit_event_data);
}

}  // namespace

void add_event_routes(http::Router& router, Services& services) {
  router.add("GET", "/api/v1/tasks/{id}/events", authenticated(services, task_events));
  router.add("GET", "/api/v1/audit/events", authenticated(services, audit_events));
}

}  // namespace vka::api
