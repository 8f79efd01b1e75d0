#pragma once
// Content-Encoding negotiation and the gzip / brotli encoders.
#include <optional>
#include <string>
#include <string_view>

namespace vka::http {

enum class Encoding { identity, gzip, br };

// Picks from an Accept-Encoding value by q-value, preferring br over gzip on ties.
Encoding negotiate_encoding(std::optional<std::string_view> accept_encoding);
std::string_view to_string(Encoding encoding);
bool is_compressible(std::string_view content_type);

std::string gzip_compress(std::string_view data);
std::string gzip_decompress(std::string_view data);  // throws std::runtime_error on corrupt input
std::string brotli_compress(std::string_view data);
std::string brotli_decompress(std::string_view data);  // throws std::runtime_error on corrupt input

inline constexpr std::size_t compression_threshold = 1024;

}  // namespace vka::http
