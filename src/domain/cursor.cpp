#include "domain/cursor.hpp"

#include <optional>

#include "domain/base64url.hpp"
#include "domain/crc32.hpp"

namespace vka::domain {

namespace {
// Record: version, value count, values (tag + payload), CRC-32 of scope and everything before it.
constexpr std::uint8_t format_version = 1;
constexpr std::uint8_t tag_int = 'i';
constexpr std::uint8_t tag_string = 's';
constexpr std::size_t checksum_size = 4;

using Bytes = std::vector<std::uint8_t>;

void put_varint(Bytes& out, std::uint64_t value) {
  while (value >= 0x80) {
    out.push_back(static_cast<std::uint8_t>(value | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<std::uint8_t>(value));
}

std::uint64_t zigzag(std::int64_t v) {
  return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
}
std::int64_t unzigzag(std::uint64_t v) { return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1); }

std::uint32_t checksum(std::string_view scope, std::span<const std::uint8_t> body) {
  const auto* scope_bytes = reinterpret_cast<const std::uint8_t*>(scope.data());
  const std::uint8_t separator = 0;
  std::uint32_t c = crc32({scope_bytes, scope.size()});
  c = crc32({&separator, 1}, c);
  return crc32(body, c);
}

class Reader {
 public:
  explicit Reader(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}
  bool at_end() const { return pos_ == bytes_.size(); }

  std::optional<std::uint8_t> byte() {
    if (at_end()) return std::nullopt;
    return bytes_[pos_++];
  }
  std::optional<std::uint64_t> varint() {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      const auto b = byte();
      if (!b) return std::nullopt;
      value |= static_cast<std::uint64_t>(*b & 0x7F) << shift;
      if ((*b & 0x80) == 0) return value;
    }
    return std::nullopt;
  }
  std::optional<std::string> text(std::uint64_t size) {
    if (size > bytes_.size() - pos_) return std::nullopt;
    std::string out(reinterpret_cast<const char*>(bytes_.data() + pos_), size);
    pos_ += size;
    return out;
  }

 private:
  std::span<const std::uint8_t> bytes_;
  std::size_t pos_ = 0;
};

std::optional<CursorPosition> read_values(Reader& reader) {
  const auto count = reader.byte();
  if (!count || *count > max_cursor_values) return std::nullopt;
  CursorPosition position;
  for (std::uint8_t i = 0; i < *count; ++i) {
    const auto tag = reader.byte();
    if (!tag) return std::nullopt;
    if (*tag == tag_int) {
      const auto v = reader.varint();
      if (!v) return std::nullopt;
      position.emplace_back(unzigzag(*v));
    } else if (*tag == tag_string) {
      const auto size = reader.varint();
      if (!size) return std::nullopt;
      auto s = reader.text(*size);
      if (!s) return std::nullopt;
      position.emplace_back(std::move(*s));
    } else {
      return std::nullopt;
    }
  }
  if (!reader.at_end()) return std::nullopt;
  return position;
}

constexpr std::string_view garbled =
    "cursor is corrupted or belongs to another listing; pass meta.next_cursor back unchanged";
}  // namespace

std::string encode_cursor(std::string_view scope, const CursorPosition& position) {
  Bytes out{format_version, static_cast<std::uint8_t>(position.size())};
  for (const auto& value : position) {
    if (const auto* number = std::get_if<std::int64_t>(&value)) {
      out.push_back(tag_int);
      put_varint(out, zigzag(*number));
    } else {
      const auto& text = std::get<std::string>(value);
      out.push_back(tag_string);
      put_varint(out, text.size());
      out.insert(out.end(), text.begin(), text.end());
    }
  }
  const auto sum = checksum(scope, out);
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(sum >> shift));
  return base64url_encode(out);
}

Result<CursorPosition> decode_cursor(std::string_view scope, std::string_view cursor) {
  if (cursor.empty()) return unexpected("cursor is empty");
  if (cursor.size() > max_cursor_length) return unexpected("cursor is too long");
  const auto bytes = base64url_decode(cursor);
  if (!bytes) return unexpected("cursor is not valid base64url text");
  if (bytes->size() < 1 + checksum_size) return unexpected(std::string(garbled));

  const std::span<const std::uint8_t> all(*bytes);
  const auto body = all.first(all.size() - checksum_size);
  std::uint32_t stored = 0;
  for (auto b : all.last(checksum_size)) stored = (stored << 8) | b;
  if (stored != checksum(scope, body)) return unexpected(std::string(garbled));
  if (body[0] != format_version) return unexpected("cursor comes from another server version; start the listing again");

  Reader reader(body.subspan(1));
  auto position = read_values(reader);
  if (!position) return unexpected(std::string(garbled));
  return std::move(*position);
}

}  // namespace vka::domain
