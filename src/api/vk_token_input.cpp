#include "api/vk_token_input.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "api/json_input.hpp"

namespace vka::api {

namespace {

// UTF-8 code points; boost::json has already checked the encoding.
std::size_t count_chars(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool has_control_char(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
}

bool is_printable_without_spaces(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c > 0x20 && c < 0x7F; });
}

std::optional<std::string_view> required_string(const boost::json::object& body, std::string_view field,
                                                FieldProblems& problems) {
  const auto* value = body.if_contains(field);
  if (!value || value->is_null()) {
    problems.add(std::string{field}, "is required");
    return std::nullopt;
  }
  if (!value->is_string()) {
    problems.add(std::string{field}, "must be a string");
    return std::nullopt;
  }
  return std::string_view{value->get_string()};
}

std::string read_name(const boost::json::object& body, FieldProblems& problems) {
  const auto name = required_string(body, "name", problems);
  if (!name) return {};
  const auto chars = count_chars(*name);
  if (chars == 0 || chars > max_vk_token_name_chars)
    problems.add("name", fmt::format("must be 1 to {} characters long", max_vk_token_name_chars));
  else if (has_control_char(*name))
    problems.add("name", "must not contain control characters");
  return std::string{*name};
}

// Every problem names a rule, never what was sent: the token is a secret even when it is malformed.
std::string read_token(const boost::json::object& body, FieldProblems& problems) {
  const auto token = required_string(body, "token", problems);
  if (!token) return {};
  if (token->empty() || token->size() > max_vk_token_chars)
    problems.add("token", fmt::format("must be 1 to {} characters long", max_vk_token_chars));
  else if (!is_printable_without_spaces(*token))
    problems.add("token", "must be printable ASCII without spaces");
  return std::string{*token};
}

store::VkTokenKind read_kind(const boost::json::object& body, FieldProblems& problems) {
  const auto text = required_string(body, "kind", problems);
  if (!text) return {};
  const auto kind = store::parse_vk_token_kind(*text);
  if (!kind) {
    problems.add("kind", "must be one of user, service, community");
    return {};
  }
  return *kind;
}

}  // namespace

auth::NewVkToken parse_vk_token_input(const boost::json::object& body) {
  FieldProblems problems;
  auth::NewVkToken input{
      .name = read_name(body, problems), .token = read_token(body, problems), .kind = read_kind(body, problems)};
  problems.throw_if_any();
  return input;
}

}  // namespace vka::api
