#pragma once
// A task's refresh schedule as the API reads and writes it: {"every": "6h"} or null (see domain/schedule.hpp
// for the period). A form field "schedule" holds the period alone ("6h"; empty: none).
#include <boost/json/value.hpp>

#include <optional>

#include "domain/task.hpp"

namespace vka::api {

// Throws 400 validation_failed naming "schedule" or "schedule.every".
std::optional<domain::TaskSchedule> parse_schedule(const boost::json::value& value);
boost::json::value schedule_to_json(const std::optional<domain::TaskSchedule>& schedule);

}  // namespace vka::api
