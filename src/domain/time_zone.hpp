#pragma once
// An IANA time zone ("Europe/Moscow", "UTC") from the system's zoneinfo database, for showing
// instants as local wall-clock times in exports.
#include <optional>
#include <string>
#include <string_view>

#include "domain/time.hpp"

namespace date {
class time_zone;
}

namespace vka::domain {

class TimeZone {
 public:
  static TimeZone utc();
  // nullopt when the name is not a zone of the database.
  static std::optional<TimeZone> find(std::string_view name);

  const std::string& name() const;
  // The local wall-clock time, as seconds since 1970-01-01 00:00 on that clock.
  std::int64_t local_seconds(Timestamp t) const;
  // RFC 3339 with the zone's offset at that instant: "2026-07-03T13:46:40+02:00"; "Z" in UTC.
  std::string format(Timestamp t) const;

 private:
  explicit TimeZone(const date::time_zone* zone) : zone_(zone) {}
  const date::time_zone* zone_;  // owned by the process-wide database; nullptr means UTC
};

}  // namespace vka::domain
