// Fuzzes the multipart/form-data parser: the first line of the input is the Content-Type,
// the rest the body. Every input must give parts or an error, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "http/multipart.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input{reinterpret_cast<const char*>(data), size};
  const auto newline = input.find('\n');
  const auto content_type = input.substr(0, newline);
  const auto body = newline == std::string_view::npos ? std::string_view{} : input.substr(newline + 1);
  if (const auto boundary = vka::http::multipart_boundary(content_type)) {
    const auto result = vka::http::parse_multipart(body, *boundary);
    if (!result.error.empty() && !result.parts.empty()) __builtin_trap();
  }
  return 0;
}
