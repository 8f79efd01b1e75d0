#include "api/webhook_event_body.hpp"

#include <boost/json/serialize.hpp>

#include "api/task_json.hpp"

namespace vka::api {

std::string webhook_event_body(std::string_view event, const domain::Task& task, domain::Timestamp at) {
  return boost::json::serialize(
      boost::json::object{{"event", event}, {"task", task_to_json(task)}, {"at", domain::format_rfc3339(at)}});
}

}  // namespace vka::api
