#include "http/gzip_head.hpp"

#include <zlib.h>

#include <stdexcept>

namespace vka::http {

namespace {

// RFC 1952 §2.3: magic, deflate, no flags, no modification time, no extra flags, Unix.
constexpr std::string_view gzip_header{"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10};
constexpr std::size_t max_stored_block = 65535;

void append_le16(std::string& out, unsigned value) {
  out += static_cast<char>(value & 0xff);
  out += static_cast<char>((value >> 8) & 0xff);
}

void append_le32(std::string& out, std::uint32_t value) {
  append_le16(out, value & 0xffff);
  append_le16(out, value >> 16);
}

std::uint32_t crc_of(std::uint32_t crc, std::string_view data) {
  return static_cast<std::uint32_t>(
      crc32_z(crc, reinterpret_cast<const Bytef*>(data.data()), static_cast<z_size_t>(data.size())));
}

}  // namespace

GzipHead::GzipHead(std::string_view head) : crc_(crc_of(0, head)), length_(head.size()) {
  z_stream stream{};
  // Raw deflate (negative window bits): the gzip header and trailer are written by finish().
  if (deflateInit2(&stream, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("zlib initialisation failed");
  deflated_.resize(deflateBound(&stream, static_cast<uLong>(head.size())) + 16);
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(head.data()));
  stream.avail_in = static_cast<uInt>(head.size());
  stream.next_out = reinterpret_cast<Bytef*>(deflated_.data());
  stream.avail_out = static_cast<uInt>(deflated_.size());
  const int status = deflate(&stream, Z_SYNC_FLUSH);
  deflated_.resize(stream.total_out);
  deflateEnd(&stream);
  if (status != Z_OK || stream.avail_in != 0) throw std::runtime_error("gzip compression failed");
}

std::string GzipHead::finish(std::string_view ending) const {
  std::string out;
  out.reserve(gzip_header.size() + deflated_.size() + ending.size() + 5 * (ending.size() / max_stored_block + 1) + 8);
  out += gzip_header;
  out += deflated_;
  // Stored blocks (RFC 1951 §3.2.4): the sync flush left the stream on a byte boundary, so each block is a header
  // byte (BFINAL on the last, BTYPE 00), LEN and its complement, then the bytes as they are.
  std::string_view rest = ending;
  do {
    const auto piece = rest.substr(0, max_stored_block);
    rest.remove_prefix(piece.size());
    out += static_cast<char>(rest.empty() ? 1 : 0);
    append_le16(out, static_cast<unsigned>(piece.size()));
    append_le16(out, static_cast<unsigned>(~piece.size() & 0xffff));
    out += piece;
  } while (!rest.empty());
  append_le32(out, crc_of(crc_, ending));
  append_le32(out, static_cast<std::uint32_t>(length_ + ending.size()));
  return out;
}

}  // namespace vka::http
