#include "api/schedule_input.hpp"

#include <boost/json/object.hpp>

#include "domain/schedule.hpp"
#include "http/api_error.hpp"

namespace vka::api {

std::optional<domain::TaskSchedule> parse_schedule(const boost::json::value& value) {
  if (value.is_null()) return std::nullopt;
  const auto* object = value.if_object();
  if (object == nullptr)
    throw http::validation_failed("The schedule is not valid.",
                                  {{"schedule", "must be an object {\"every\": \"6h\"} or null"}});
  for (const auto& member : *object)
    if (member.key() != "every")
      throw http::validation_failed("The schedule is not valid.",
                                    {{"schedule." + std::string(member.key()), "unknown field"}});
  const auto* every = object->if_contains("every");
  if (every == nullptr || !every->is_string())
    throw http::validation_failed("The schedule is not valid.",
                                  {{"schedule.every", "must be a string such as \"15m\", \"6h\" or \"1d\""}});
  auto period = domain::parse_refresh_period(every->as_string());
  if (!period) throw http::validation_failed("The schedule is not valid.", {{"schedule.every", period.error()}});
  return domain::TaskSchedule{*period};
}

boost::json::value schedule_to_json(const std::optional<domain::TaskSchedule>& schedule) {
  if (!schedule) return nullptr;
  return boost::json::object{{"every", domain::format_refresh_period(schedule->every)}};
}

}  // namespace vka::api
