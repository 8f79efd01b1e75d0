#pragma once
// gzip for bodies that differ only in a short ending (a cached envelope and its request id): everything
// before the ending is compressed once, and each body's gzip is that, then its ending stored uncompressed.
#include <cstdint>
#include <string>
#include <string_view>

namespace vka::http {

class GzipHead {
 public:
  explicit GzipHead(std::string_view head);

  // A whole gzip member that decompresses to head + ending.
  std::string finish(std::string_view ending) const;
  std::size_t compressed_size() const { return deflated_.size(); }

 private:
  std::string deflated_;  // raw deflate of head, ended by a sync flush: byte-aligned, no final block yet
  std::uint32_t crc_ = 0;
  std::size_t length_ = 0;
};

}  // namespace vka::http
