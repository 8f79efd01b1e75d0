#include "http/compression.hpp"

#include <brotli/decode.h>
#include <brotli/encode.h>
#include <zlib.h>

#include <charconv>
#include <stdexcept>

#include "http/message.hpp"

namespace vka::http {

namespace {

// q-value of one Accept-Encoding member ("gzip;q=0.5" → 0.5); malformed → 0.
double quality(std::string_view params) {
  params = trim_blanks(params);
  if (!iequals(params.substr(0, 2), "q=")) return 1.0;
  const auto value = trim_blanks(params.substr(2));
  double result = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), result);
  return error == std::errc{} && end == value.data() + value.size() && result >= 0 && result <= 1 ? result : 0.0;
}

std::string zlib_run(std::string_view data, bool compress) {
  z_stream stream{};
  const int window_bits = 15 + 16;  // gzip wrapper
  if ((compress ? deflateInit2(&stream, 6, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY)
                : inflateInit2(&stream, window_bits)) != Z_OK)
    throw std::runtime_error("zlib initialisation failed");
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char buffer[16384];
  int status;
  do {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    status = compress ? deflate(&stream, Z_FINISH) : inflate(&stream, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - stream.avail_out);
  } while (status == Z_OK);
  compress ? deflateEnd(&stream) : inflateEnd(&stream);
  if (status != Z_STREAM_END) throw std::runtime_error("corrupt gzip data");
  return out;
}

}  // namespace

Encoding negotiate_encoding(std::optional<std::string_view> accept_encoding) {
  if (!accept_encoding) return Encoding::identity;
  double gzip_q = 0, br_q = 0, star_q = -1;
  bool gzip_named = false, br_named = false;
  std::string_view rest = *accept_encoding;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    const auto member = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    const auto semicolon = member.find(';');
    const auto name = trim_blanks(member.substr(0, semicolon));
    const double q = semicolon == std::string_view::npos ? 1.0 : quality(member.substr(semicolon + 1));
    if (iequals(name, "gzip") || iequals(name, "x-gzip"))
      gzip_q = q, gzip_named = true;
    else if (iequals(name, "br"))
      br_q = q, br_named = true;
    else if (name == "*")
      star_q = q;
  }
  if (!gzip_named && star_q >= 0) gzip_q = star_q;
  if (!br_named && star_q >= 0) br_q = star_q;
  if (br_q > 0 && br_q >= gzip_q) return Encoding::br;
  if (gzip_q > 0) return Encoding::gzip;
  return Encoding::identity;
}

std::string_view to_string(Encoding encoding) {
  switch (encoding) {
    case Encoding::gzip: return "gzip";
    case Encoding::br: return "br";
    case Encoding::identity: break;
  }
  return "identity";
}

bool is_compressible(std::string_view content_type) {
  for (const auto kind : {"application/json", "text/", "application/javascript", "image/svg+xml",
                          "application/x-ndjson", "application/openapi+json"})
    if (content_type.starts_with(kind)) return true;
  return false;
}

std::string gzip_compress(std::string_view data) { return zlib_run(data, true); }
std::string gzip_decompress(std::string_view data) { return zlib_run(data, false); }

std::string brotli_compress(std::string_view data) {
  std::string out(BrotliEncoderMaxCompressedSize(data.size()), '\0');
  std::size_t size = out.size();
  // Quality 5 keeps latency low; the gain past it is small for JSON.
  if (!BrotliEncoderCompress(5, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, data.size(),
                             reinterpret_cast<const uint8_t*>(data.data()), &size,
                             reinterpret_cast<uint8_t*>(out.data())))
    throw std::runtime_error("brotli compression failed");
  out.resize(size);
  return out;
}

std::string brotli_decompress(std::string_view data) {
  auto* state = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
  std::string out;
  std::size_t available_in = data.size();
  const auto* next_in = reinterpret_cast<const uint8_t*>(data.data());
  BrotliDecoderResult result;
  do {
    uint8_t buffer[16384];
    std::size_t available_out = sizeof buffer;
    uint8_t* next_out = buffer;
    result = BrotliDecoderDecompressStream(state, &available_in, &next_in, &available_out, &next_out, nullptr);
    out.append(reinterpret_cast<char*>(buffer), sizeof buffer - available_out);
  } while (result == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT);
  BrotliDecoderDestroyInstance(state);
  if (result != BROTLI_DECODER_RESULT_SUCCESS) throw std::runtime_error("corrupt brotli data");
  return out;
}

}  // namespace vka::http
