#include "api/schedule_input.hpp"

#include <boost/json/object.hpp>

#include "api/single_field_object.hpp"
#include "domain/schedule.hpp"
#include "http/api_error.hpp"

namespace vka::api {

std::optional<domain::TaskSchedule> parse_schedule(const boost::json::value& value) {
  const auto* every = single_string_field(value, "schedule", "every", "must be an object {\"every\": \"6h\"} or null",
                                         "must be a string such as \"15m\", \"6h\" or \"1d\"");
  if (every == nullptr) return std::nullopt;
  auto period = domain::parse_refresh_period(*every);
  if (!period) throw http::validation_failed("The schedule is not valid.", {{"schedule.every", period.error()}});
  return domain::TaskSchedule{*period};
}

boost::json::value schedule_to_json(const std::optional<domain::TaskSchedule>& schedule) {
  if (!schedule) return nullptr;
  return boost::json::object{{"every", domain::format_refresh_period(schedule->every)}};
}

}  // namespace vka::api
