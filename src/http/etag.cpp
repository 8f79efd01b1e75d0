#include "http/etag.hpp"

#include <fmt/format.h>

namespace vka::http {

namespace {

// FNV-1a, 64 bit: a content fingerprint, not a security boundary.
std::uint64_t fingerprint(std::string_view data) {
  std::uint64_t hash = 0xcbf29ce484222325ull;
  for (const unsigned char c : data) hash = (hash ^ c) * 0x100000001b3ull;
  return hash;
}

std::string_view opaque_part(std::string_view tag) {
  if (tag.starts_with("W/")) tag.remove_prefix(2);
  return tag;
}

}  // namespace

std::string entity_tag(std::string_view body) {
  return fmt::format("W/\"{:016x}-{:x}\"", fingerprint(body), body.size());
}

bool if_none_match_hits(std::optional<std::string_view> if_none_match, std::string_view tag) {
  if (!if_none_match) return false;
  std::string_view rest = *if_none_match;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    auto candidate = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    // List separators may be surrounded by spaces or tabs (OWS, RFC 9110 §5.6.1).
    while (!candidate.empty() && (candidate.front() == ' ' || candidate.front() == '\t')) candidate.remove_prefix(1);
    while (!candidate.empty() && (candidate.back() == ' ' || candidate.back() == '\t')) candidate.remove_suffix(1);
    if (candidate == "*" || opaque_part(candidate) == opaque_part(tag)) return true;
  }
  return false;
}

}  // namespace vka::http
