// Fuzzes the Cookie header reader: the first line of the input is the cookie's name, every further line
// one Cookie header field. Whatever it finds must be a part of some field, never a crash.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "http/cookies.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input{reinterpret_cast<const char*>(data), size};
  const auto newline = input.find('\n');
  const std::string name{input.substr(0, newline)};
  vka::http::Request request;
  for (auto rest = newline == std::string_view::npos ? std::string_view{} : input.substr(newline + 1);
       !rest.empty();) {
    const auto end = rest.find('\n');
    request.headers.add("Cookie", std::string{rest.substr(0, end)});
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
  }
  if (const auto value = vka::http::cookie(request, name); value && input.find(*value) == std::string_view::npos)
    __builtin_trap();
  return 0;
}
