#include "sim/execute_script.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <charconv>

namespace vka::sim {

namespace json = boost::json;

namespace {

constexpr int kMaxDepth = 32;

class Parser {
 public:
  explicit Parser(std::string_view code) : code_(code) {}

  Script parse() {
    skip_space();
    if (!take_word("return")) fail("expected 'return'");
    if (pos_ < code_.size() && is_identifier_char(code_[pos_])) fail("expected 'return'");
    Script script;
    script.result = expression(script, 0);
    skip_space();
    if (pos_ < code_.size() && code_[pos_] == ';') ++pos_;
    skip_space();
    if (pos_ != code_.size()) fail("unexpected text after the return value");
    return script;
  }

 private:
  std::string_view code_;
  std::size_t pos_ = 0;

  [[noreturn]] void fail(std::string_view what) const {
    throw ScriptError{std::string{what} + " at character " + std::to_string(pos_ + 1)};
  }

  static bool is_identifier_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
  }

  void skip_space() {
    while (pos_ < code_.size()) {
      const char c = code_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++pos_;
      } else if (code_.substr(pos_, 2) == "//") {
        const auto end = code_.find('\n', pos_);
        pos_ = end == std::string_view::npos ? code_.size() : end + 1;
      } else if (code_.substr(pos_, 2) == "/*") {
        const auto end = code_.find("*/", pos_ + 2);
        if (end == std::string_view::npos) fail("unterminated comment");
        pos_ = end + 2;
      } else {
        return;
      }
    }
  }

  bool take_word(std::string_view word) {
    if (code_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  void expect(char c) {
    skip_space();
    if (pos_ >= code_.size() || code_[pos_] != c) fail(std::string{"expected '"} + c + "'");
    ++pos_;
  }

  std::string identifier() {
    const auto start = pos_;
    while (pos_ < code_.size() && is_identifier_char(code_[pos_])) ++pos_;
    if (pos_ == start || (code_[start] >= '0' && code_[start] <= '9')) fail("expected a name");
    return std::string{code_.substr(start, pos_ - start)};
  }

  ScriptNode expression(Script& script, int depth) {
    if (depth > kMaxDepth) fail("nesting is too deep");
    skip_space();
    if (pos_ >= code_.size()) fail("unexpected end of code");
    const char c = code_[pos_];
    if (c == '[') return array(script, depth);
    if (c == '{') return object(script, depth);
    if (code_.substr(pos_, 4) == "API.") return call(script);
    return ScriptNode{.literal = scalar()};
  }

  ScriptNode array(Script& script, int depth) {
    ScriptNode node{.kind = ScriptNode::Kind::array};
    ++pos_;  // [
    skip_space();
    if (pos_ < code_.size() && code_[pos_] == ']') {
      ++pos_;
      return node;
    }
    for (;;) {
      node.elements.push_back(expression(script, depth + 1));
      skip_space();
      if (pos_ < code_.size() && code_[pos_] == ',') {
        ++pos_;
        continue;
      }
      expect(']');
      return node;
    }
  }

  std::string key() {
    skip_space();
    if (pos_ < code_.size() && (code_[pos_] == '"' || code_[pos_] == '\'')) return string_literal();
    return identifier();
  }

  ScriptNode object(Script& script, int depth) {
    ScriptNode node{.kind = ScriptNode::Kind::object};
    ++pos_;  // {
    skip_space();
    if (pos_ < code_.size() && code_[pos_] == '}') {
      ++pos_;
      return node;
    }
    for (;;) {
      auto name = key();
      expect(':');
      node.members.emplace_back(std::move(name), expression(script, depth + 1));
      skip_space();
      if (pos_ < code_.size() && code_[pos_] == ',') {
        ++pos_;
        continue;
      }
      expect('}');
      return node;
    }
  }

  ScriptNode call(Script& script) {
    pos_ += 4;  // API.
    std::string method = identifier();
    while (pos_ < code_.size() && code_[pos_] == '.') {
      ++pos_;
      method += '.';
      method += identifier();
    }
    expect('(');
    ScriptCall call{std::move(method), {}};
    skip_space();
    if (pos_ < code_.size() && code_[pos_] == '{') {
      ++pos_;
      skip_space();
      bool first = true;
      while (pos_ < code_.size() && code_[pos_] != '}') {
        if (!first) {
          expect(',');
          skip_space();
        }
        first = false;
        auto name = key();
        expect(':');
        skip_space();
        call.params.emplace_back(std::move(name), parameter_value());
        skip_space();
      }
      expect('}');
    }
    expect(')');
    script.calls.push_back(std::move(call));
    return ScriptNode{.kind = ScriptNode::Kind::call, .call = script.calls.size() - 1};
  }

  // A scalar as the text VK receives, or an array of scalars as a comma list.
  std::string parameter_value() {
    if (pos_ < code_.size() && code_[pos_] == '[') {
      ++pos_;
      std::string list;
      bool first = true;
      skip_space();
      while (pos_ < code_.size() && code_[pos_] != ']') {
        if (!first) {
          expect(',');
          skip_space();
          list += ',';
        }
        first = false;
        list += parameter_text(scalar());
        skip_space();
      }
      expect(']');
      return list;
    }
    if (code_.substr(pos_, 4) == "API.") fail("API calls inside call parameters are not supported");
    return parameter_text(scalar());
  }

  static std::string parameter_text(const json::value& value) {
    if (value.is_string()) return std::string{value.get_string()};
    if (value.is_bool()) return value.get_bool() ? "1" : "0";
    if (value.is_null()) return "";
    if (value.is_int64()) return std::to_string(value.get_int64());
    char buffer[32];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value.get_double());
    return error == std::errc{} ? std::string{buffer, end} : std::string{};
  }

  json::value scalar() {
    skip_space();
    if (pos_ >= code_.size()) fail("unexpected end of code");
    const char c = code_[pos_];
    if (c == '"' || c == '\'') return json::value(string_literal());
    if (c == '-' || (c >= '0' && c <= '9')) return number();
    if (take_word("true")) return json::value(true);
    if (take_word("false")) return json::value(false);
    if (take_word("null")) return json::value(nullptr);
    fail("expected a value");
  }

  json::value number() {
    const auto start = pos_;
    if (code_[pos_] == '-') ++pos_;
    const auto digits = pos_;
    while (pos_ < code_.size() && code_[pos_] >= '0' && code_[pos_] <= '9') ++pos_;
    if (pos_ == digits) fail("expected a number");
    bool fractional = false;
    if (pos_ < code_.size() && code_[pos_] == '.') {
      fractional = true;
      ++pos_;
      const auto decimals = pos_;
      while (pos_ < code_.size() && code_[pos_] >= '0' && code_[pos_] <= '9') ++pos_;
      if (pos_ == decimals) fail("expected digits after '.'");
    }
    const auto text = code_.substr(start, pos_ - start);
    if (!fractional) {
      std::int64_t value = 0;
      const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (error == std::errc{} && end == text.data() + text.size()) return json::value(value);
    }
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size()) fail("number out of range");
    return json::value(value);
  }

  unsigned hex4() {
    if (pos_ + 4 > code_.size()) fail("incomplete \\u escape");
    unsigned value = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = code_[pos_++];
      value <<= 4;
      if (c >= '0' && c <= '9')
        value |= static_cast<unsigned>(c - '0');
      else if (c >= 'a' && c <= 'f')
        value |= static_cast<unsigned>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        value |= static_cast<unsigned>(c - 'A' + 10);
      else
        fail("invalid \\u escape");
    }
    return value;
  }

  static void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  std::string string_literal() {
    const char quote = code_[pos_++];
    std::string out;
    for (;;) {
      if (pos_ >= code_.size()) fail("unterminated string");
      const char c = code_[pos_++];
      if (c == quote) return out;
      if (c == '\n' || c == '\r') fail("line break inside a string");
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= code_.size()) fail("unterminated string");
      const char e = code_[pos_++];
      switch (e) {
        case '"':
        case '\'':
        case '\\':
        case '/': out += e; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': {
          unsigned cp = hex4();
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (code_.substr(pos_, 2) != "\\u") fail("unpaired surrogate in \\u escape");
            pos_ += 2;
            const unsigned low = hex4();
            if (low < 0xDC00 || low > 0xDFFF) fail("unpaired surrogate in \\u escape");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            fail("unpaired surrogate in \\u escape");
          }
          append_utf8(out, cp);
          break;
        }
        default: fail("unknown escape in a string");
      }
    }
  }
};

}  // namespace

Script parse_script(std::string_view code) { return Parser{code}.parse(); }

json::value evaluate(const ScriptNode& node, std::vector<json::value>& results) {
  switch (node.kind) {
    case ScriptNode::Kind::literal: return node.literal;
    case ScriptNode::Kind::call: return std::move(results.at(node.call));
    case ScriptNode::Kind::array: {
      json::array array;
      array.reserve(node.elements.size());
      for (const auto& element : node.elements) array.push_back(evaluate(element, results));
      return array;
    }
    case ScriptNode::Kind::object: break;
  }
  json::object object;
  for (const auto& [name, member] : node.members) object[name] = evaluate(member, results);
  return object;
}

}  // namespace vka::sim
