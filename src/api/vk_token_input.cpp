#include "api/vk_token_input.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "api/json_input.hpp"
#include "api/text_rules.hpp"

namespace vka::api {

namespace {

bool is_printable_without_spaces(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c > 0x20 && c < 0x7F; });
}

std::string read_name(const boost::json::object& body, FieldProblems& problems) {
  const auto name = problems.required_string(body, "name");
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
  const auto token = problems.required_string(body, "token");
  if (!token) return {};
  if (token->empty() || token->size() > max_vk_token_chars)
    problems.add("token", fmt::format("must be 1 to {} characters long", max_vk_token_chars));
  else if (!is_printable_without_spaces(*token))
    problems.add("token", "must be printable ASCII without spaces");
  return std::string{*token};
}

store::VkTokenKind read_kind(const boost::json::object& body, FieldProblems& problems) {
  const auto text = problems.required_string(body, "kind");
  if (!text) return {};
  const auto kind = store::parse_vk_token_kind(*text);
  if (!kind) {
    problems.add("kind", "must be one of user, service, community");
    return {};
  }
  return *kind;
}

}  // namespace

VkTokenInput parse_vk_token_input(const boost::json::object& body) {
  FieldProblems problems;
  VkTokenInput input{.name = read_name(body, problems),
                     .token = read_token(body, problems),
                     .kind = read_kind(body, problems)};
  problems.throw_if_any();
  return input;
}

}  // namespace vka::api
