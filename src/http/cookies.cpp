#include "http/cookies.hpp"

#include "http/message.hpp"

namespace vka::http {

std::optional<std::string_view> cookie(const Request& request, std::string_view name) {
  for (const auto& [field, value] : request.headers.fields()) {
    if (!iequals(field, "Cookie")) continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      const auto end = rest.find(';');
      const auto pair = trim_blanks(rest.substr(0, end));
      rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
      const auto equals = pair.find('=');
      if (equals != std::string_view::npos && trim_blanks(pair.substr(0, equals)) == name)
        return trim_blanks(pair.substr(equals + 1));
    }
  }
  return std::nullopt;
}

}  // namespace vka::http
