#include "vk/json_reader.hpp"

#include <limits>
#include <string>

namespace vka::vk::detail {

namespace {

std::string_view kind_name(const json::value& v) {
  switch (v.kind()) {
    case json::kind::null: return "null";
    case json::kind::bool_: return "a boolean";
    case json::kind::int64:
    case json::kind::uint64: return "an integer";
    case json::kind::double_: return "a fractional number";
    case json::kind::string: return "a string";
    case json::kind::array: return "an array";
    case json::kind::object: return "an object";
  }
  return "an unknown value";
}

[[noreturn]] void wrong_kind(const json::value& v, const Where& where, std::string_view expected) {
  fail(where, "expected " + std::string(expected) + ", got " + std::string(kind_name(v)));
}

}  // namespace

std::string Where::render() const {
  if (parent_ == nullptr) return root_ != nullptr ? *root_ : std::string();
  std::string path = parent_->render();
  if (key_.empty()) return path + "[" + std::to_string(index_) + "]";
  if (!path.empty()) path += '.';
  path += key_;
  return path;
}

void fail(const Where& where, std::string problem) { throw ShapeError{where.render(), std::move(problem)}; }

const json::object& object_at(const json::value& v, const Where& where) {
  if (!v.is_object()) wrong_kind(v, where, "an object");
  return v.get_object();
}

const json::array& array_at(const json::value& v, const Where& where) {
  if (!v.is_array()) wrong_kind(v, where, "an array");
  return v.get_array();
}

std::int64_t int_at(const json::value& v, const Where& where) {
  if (v.is_int64()) return v.get_int64();
  if (v.is_uint64()) {
    if (v.get_uint64() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      fail(where, "integer out of range");
    }
    return static_cast<std::int64_t>(v.get_uint64());
  }
  wrong_kind(v, where, "an integer");
}

bool flag_at(const json::value& v, const Where& where) {
  if (v.is_bool()) return v.get_bool();
  if (v.is_int64() || v.is_uint64()) {
    const std::int64_t n = int_at(v, where);
    if (n == 0 || n == 1) return n == 1;
    fail(where, "expected 0 or 1, got " + std::to_string(n));
  }
  wrong_kind(v, where, "a boolean or 0/1");
}

std::string string_at(const json::value& v, const Where& where) {
  if (!v.is_string()) wrong_kind(v, where, "a string");
  // U+0000 is dropped: PostgreSQL's text cannot hold it, so a page with one could not be stored, and no
  // text needs it.
  std::string text(v.get_string());
  std::erase(text, '\0');
  return text;
}

std::string text_at(const json::value& v, const Where& where) {
  if (v.is_string()) return string_at(v, where);
  if (v.is_int64() || v.is_uint64()) return std::to_string(int_at(v, where));
  wrong_kind(v, where, "a string or an integer");
}

const json::value& required(const json::object& o, std::string_view key, const Where& where) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr) fail(where.field(key), "required field is missing");
  if (v->is_null()) fail(where.field(key), "required field is null");
  return *v;
}

const json::value* optional(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v == nullptr || v->is_null() ? nullptr : v;
}

std::int64_t req_int(const json::object& o, std::string_view key, const Where& where) {
  return int_at(required(o, key, where), where.field(key));
}

std::optional<std::int64_t> opt_int(const json::object& o, std::string_view key, const Where& where) {
  const json::value* v = optional(o, key);
  if (v == nullptr) return std::nullopt;
  return int_at(*v, where.field(key));
}

std::string req_string(const json::object& o, std::string_view key, const Where& where) {
  return string_at(required(o, key, where), where.field(key));
}

std::optional<std::string> opt_string(const json::object& o, std::string_view key, const Where& where) {
  const json::value* v = optional(o, key);
  if (v == nullptr) return std::nullopt;
  return string_at(*v, where.field(key));
}

std::optional<bool> opt_flag(const json::object& o, std::string_view key, const Where& where) {
  const json::value* v = optional(o, key);
  if (v == nullptr) return std::nullopt;
  return flag_at(*v, where.field(key));
}

std::optional<std::int64_t> opt_count(const json::object& o, std::string_view key, const Where& where) {
  const json::value* v = optional(o, key);
  if (v == nullptr) return std::nullopt;
  const Where sub = where.field(key);
  return req_int(object_at(*v, sub), "count", sub);
}

}  // namespace vka::vk::detail
