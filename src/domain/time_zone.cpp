#include "domain/time_zone.hpp"

#include <date/tz.h>
#include <fmt/format.h>

#include <stdexcept>

namespace vka::domain {

TimeZone TimeZone::utc() { return TimeZone{nullptr}; }

std::optional<TimeZone> TimeZone::find(std::string_view name) {
  if (name == "UTC") return utc();
  try {
    return TimeZone{date::locate_zone(name)};
  } catch (const std::runtime_error&) {
    return std::nullopt;
  }
}

const std::string& TimeZone::name() const {
  static const std::string utc_name = "UTC";
  return zone_ ? zone_->name() : utc_name;
}

std::int64_t TimeZone::local_seconds(Timestamp t) const {
  if (!zone_) return to_unix(t);
  return zone_->to_local(t).time_since_epoch().count();
}

std::string TimeZone::format(Timestamp t) const {
  if (!zone_) return format_rfc3339(t);
  const auto offset = std::chrono::duration_cast<std::chrono::minutes>(zone_->get_info(t).offset).count();
  const auto local = from_unix(local_seconds(t));
  const auto text = format_rfc3339(local);  // "...Z": the local clock written as if it were UTC
  const auto magnitude = offset < 0 ? -offset : offset;
  return fmt::format("{}{}{:02}:{:02}", text.substr(0, text.size() - 1), offset < 0 ? '-' : '+', magnitude / 60,
                     magnitude % 60);
}

}  // namespace vka::domain
