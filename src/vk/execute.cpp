#include "vk/execute.hpp"

#include <cstdio>
#include <stdexcept>

namespace vka::vk {

namespace {

bool is_identifier(std::string_view text, bool dots_allowed) {
  if (text.empty() || text.front() == '.' || text.back() == '.' || (text.front() >= '0' && text.front() <= '9')) {
    return false;
  }
  for (const char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                    (dots_allowed && c == '.');
    if (!ok) return false;
  }
  return true;
}

// Integers VKScript reads back unchanged: no leading zeros, no "+", short enough for a double.
bool is_plain_integer(std::string_view text) {
  if (!text.empty() && text.front() == '-') text.remove_prefix(1);
  if (text.empty() || text.size() > 15) return false;
  if (text.size() > 1 && text.front() == '0') return false;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

void append_string_literal(std::string& out, std::string_view text) {
  out += '"';
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        // Control characters, and U+2028/U+2029 which end a line in JavaScript-like sources.
        if (c < 0x20 || c == 0x7F) {
          char escaped[7];
          std::snprintf(escaped, sizeof escaped, "\\u%04X", static_cast<unsigned>(c));
          out += escaped;
        } else if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
                   (static_cast<unsigned char>(text[i + 2]) == 0xA8 ||
                    static_cast<unsigned char>(text[i + 2]) == 0xA9)) {
          out += static_cast<unsigned char>(text[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
          i += 2;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

void append_call(std::string& out, const Request& call) {
  if (!is_identifier(call.method, true)) throw std::invalid_argument("execute: invalid method name");
  out += "API.";
  out += call.method;
  out += "({";
  bool first = true;
  for (const auto& [key, value] : call.params) {
    if (!is_identifier(key, false)) throw std::invalid_argument("execute: invalid parameter name in " + call.method);
    if (!first) out += ',';
    first = false;
    append_string_literal(out, key);
    out += ':';
    if (is_plain_integer(value)) {
      out += value;
    } else {
      append_string_literal(out, value);
    }
  }
  out += "})";
}

}  // namespace

std::string execute_code(std::span<const Request> calls) {
  if (calls.empty() || calls.size() > kMaxExecuteCalls) {
    throw std::invalid_argument("execute takes 1.." + std::to_string(kMaxExecuteCalls) + " calls, got " +
                                std::to_string(calls.size()));
  }
  std::string code = "return [";
  for (std::size_t i = 0; i < calls.size(); ++i) {
    if (i > 0) code += ',';
    append_call(code, calls[i]);
  }
  code += "];";
  return code;
}

Request execute_request(std::span<const Request> calls) { return {"execute", {{"code", execute_code(calls)}}}; }

}  // namespace vka::vk
