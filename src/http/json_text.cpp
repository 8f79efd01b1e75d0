#include "http/json_text.hpp"

#include <fmt/format.h>
#include <boost/json/serialize.hpp>

#include <cmath>

namespace vka::http {

namespace {

// The shortest decimal that reads back as the same double, in fixed notation from 0.0001 to 10^15 (scores,
// ratios, counts: everything the service writes); beyond, boost's exponent form. JSON has no NaN or infinity:
// they are written as null.
void append_number(std::string& out, double number) {
  if (!std::isfinite(number)) {
    out += "null";
    return;
  }
  if (number == 0) {
    out += '0';
    return;
  }
  const double magnitude = std::abs(number);
  if (magnitude >= 1e-4 && magnitude < 1e15)
    out += fmt::format("{}", number);
  else
    out += boost::json::serialize(boost::json::value(number));
}

// open, each item written by `write`, comma-separated, close.
void append_list(std::string& out, char open, char close, const auto& items, const auto& write) {
  out += open;
  bool first = true;
  for (const auto& item : items) {
    if (!first) out += ',';
    first = false;
    write(item);
  }
  out += close;
}

void append(std::string& out, const boost::json::value& value) {
  switch (value.kind()) {
    case boost::json::kind::double_: append_number(out, value.get_double()); return;
    case boost::json::kind::object:
      append_list(out, '{', '}', value.get_object(), [&](const boost::json::key_value_pair& member) {
        out += boost::json::serialize(boost::json::string_view{member.key()});
        out += ':';
        append(out, member.value());
      });
      return;
    case boost::json::kind::array:
      append_list(out, '[', ']', value.get_array(), [&](const boost::json::value& item) { append(out, item); });
      return;
    default: out += boost::json::serialize(value); return;
  }
}

}  // namespace

std::string to_json_text(const boost::json::value& value) {
  std::string out;
  append(out, value);
  return out;
}

}  // namespace vka::http
