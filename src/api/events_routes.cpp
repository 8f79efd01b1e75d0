#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include <charconv>

#include "api/authenticated.hpp"
#include "api/routes.hpp"
#include "api/task_access.hpp"
#include "http/api_error.hpp"

namespace vka::api {

namespace {

constexpr auto heartbeat_every = std::chrono::seconds{15};
constexpr int events_per_chunk = 200;

// Server-Sent Events of one task: every stored domain event after `after_seq`, with its seq as
// the event id, then new ones as they are written; ends once the task finished and all its
// events were sent.
class TaskEventStream final : public http::BodyStream {
 public:
  TaskEventStream(Services& services, std::string task_id, std::int64_t after_seq)
      : services_(services), task_id_(std::move(task_id)), last_seq_(after_seq) {}

  std::optional<std::string> next_chunk() override {
    std::string chunk = std::exchange(preamble_, "");
    const auto events = services_.store.events().list(task_id_, last_seq_, events_per_chunk);
    for (const auto& event : events) {
      boost::json::object data{{"task_id", event.task_id},
                               {"seq", event.seq},
                               {"type", event.type},
                               {"at", domain::format_rfc3339(event.at)},
                               {"payload", boost::json::parse(event.payload_json)}};
      chunk += fmt::format("id: {}\nevent: {}\ndata: {}\n\n", event.seq, event.type, boost::json::serialize(data));
      last_seq_ = event.seq;
    }
    const auto now = std::chrono::steady_clock::now();
    if (!chunk.empty()) {
      last_write_ = now;
      return chunk;
    }
    if (events.empty() && finished()) return std::nullopt;
    if (now - last_write_ >= heartbeat_every) {
      last_write_ = now;
      return std::string{": heartbeat\n\n"};
    }
    return std::string{};
  }

 private:
  bool finished() const {
    const auto task = services_.store.tasks().get(task_id_);
    return !task || domain::is_terminal(task->status);
  }

  Services& services_;
  std::string task_id_;
  std::int64_t last_seq_;
  std::string preamble_ = "retry: 2000\n\n";
  std::chrono::steady_clock::time_point last_write_ = std::chrono::steady_clock::now();
};

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

http::Response task_events(Services& services, http::Request& request, const auth::Principal& principal) {
  const auto task = visible_task(services, principal, request.path_param("id"));
  http::Response response;
  response.headers.set("Content-Type", "text/event-stream; charset=utf-8");
  response.headers.set("Cache-Control", "no-store");
  response.headers.set("X-Accel-Buffering", "no");
  response.stream = std::make_shared<TaskEventStream>(services, task.id, last_event_id(request));
  return response;
}

}  // namespace

void add_event_routes(http::Router& router, Services& services) {
  router.add("GET", "/api/v1/tasks/{id}/events", authenticated(services, task_events));
}

}  // namespace vka::api
