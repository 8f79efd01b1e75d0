#pragma once
// Opaque pagination cursors: a keyset position (the sort key values of the last row served),
// encoded as URL-safe base64 of a versioned binary record with a CRC-32.
//
// The checksum is not keyed on purpose: a cursor only says where a listing resumes, and every
// query still applies the caller's access filters, so a forged cursor reaches nothing the caller
// could not page to anyway. The checksum exists to turn truncated, edited or foreign cursors into
// a clear 400 instead of a silently wrong page.
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/result.hpp"

namespace vka::domain {

using CursorValue = std::variant<std::int64_t, std::string>;
using CursorPosition = std::vector<CursorValue>;

inline constexpr std::size_t max_cursor_values = 16;
inline constexpr std::size_t max_cursor_length = 4096;

// `scope` names the listing and its order (e.g. "tasks:-created_at"); it is bound into the
// checksum so a cursor from one listing is rejected by another. Precondition: at most
// max_cursor_values values, small enough to stay under max_cursor_length once encoded.
std::string encode_cursor(std::string_view scope, const CursorPosition& position);

Result<CursorPosition> decode_cursor(std::string_view scope, std::string_view cursor);

}  // namespace vka::domain
