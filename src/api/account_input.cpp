#include "api/account_input.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "api/json_input.hpp"
#include "api/text_rules.hpp"
#include "auth/password_policy.hpp"

namespace vka::api {

namespace {

constexpr std::size_t max_login_field_bytes = 1024;

std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return lower;
}

std::optional<domain::Role> read_role(const boost::json::object& body, FieldProblems& problems, bool required) {
  const auto* value = body.if_contains("role");
  if (!required && (!value || value->is_null())) return std::nullopt;
  const auto text = problems.required_string(body, "role");
  if (!text) return std::nullopt;
  const auto role = domain::parse_role(*text);
  if (!role) problems.add("role", "must be admin, analyst or viewer");
  return role;
}

std::string read_new_password(const boost::json::object& body, std::string_view field, FieldProblems& problems) {
  const auto password = problems.required_string(body, field);
  if (!password) return {};
  if (const auto problem = auth::password_problem(*password)) problems.add(std::string{field}, *problem);
  return std::string{*password};
}

std::optional<std::string> read_label(const boost::json::object& body, std::string_view field, std::size_t max_chars,
                                      FieldProblems& problems) {
  const auto* value = body.if_contains(field);
  if (!value || value->is_null()) return std::nullopt;
  const auto text = problems.required_string(body, field);
  if (!text) return std::nullopt;
  const auto chars = count_chars(*text);
  if (chars == 0 || chars > max_chars)
    problems.add(std::string{field}, fmt::format("must be 1 to {} characters long", max_chars));
  else if (has_control_char(*text))
    problems.add(std::string{field}, "must not contain control characters");
  return std::string{*text};
}

}  // namespace

std::optional<std::string> normalize_username(std::string_view text) {
  auto username = ascii_lower(text);
  const bool valid =
      username.size() >= 3 && username.size() <= 64 && std::all_of(username.begin(), username.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
      });
  if (!valid) return std::nullopt;
  return username;
}

LoginInput parse_login(const boost::json::object& body) {
  FieldProblems problems;
  const auto username = problems.required_string(body, "username");
  const auto password = problems.required_string(body, "password");
  if (username && username->size() > max_login_field_bytes) problems.add("username", "is too long");
  if (password && password->size() > max_login_field_bytes) problems.add("password", "is too long");
  problems.throw_if_any();
  return {ascii_lower(*username), std::string{*password}};
}

NewUserInput parse_new_user(const boost::json::object& body) {
  FieldProblems problems;
  NewUserInput input;
  if (const auto username = problems.required_string(body, "username")) {
    if (auto normalized = normalize_username(*username))
      input.username = std::move(*normalized);
    else
      problems.add("username", "must be 3 to 64 of a-z, 0-9, '.', '_' and '-'");
  }
  input.password = read_new_password(body, "password", problems);
  input.role = read_role(body, problems, true).value_or(domain::Role::viewer);
  input.display_name = read_label(body, "display_name", max_display_name_chars, problems).value_or(input.username);
  input.must_change_password = problems.optional_bool(body, "must_change_password").value_or(false);
  problems.throw_if_any();
  return input;
}

UserChanges parse_user_changes(const boost::json::object& body) {
  FieldProblems problems;
  UserChanges changes;
  changes.role = read_role(body, problems, false);
  changes.display_name = read_label(body, "display_name", max_display_name_chars, problems);
  changes.disabled = problems.optional_bool(body, "disabled");
  if (const auto* value = body.if_contains("password"); value && !value->is_null())
    changes.password = read_new_password(body, "password", problems);
  changes.must_change_password = problems.optional_bool(body, "must_change_password");
  problems.throw_if_any();
  return changes;
}

PasswordChange parse_password_change(const boost::json::object& body) {
  FieldProblems problems;
  PasswordChange change;
  if (const auto current = problems.required_string(body, "current_password")) change.current_password = *current;
  change.new_password = read_new_password(body, "new_password", problems);
  problems.throw_if_any();
  return change;
}

NewApiKeyInput parse_new_api_key(const boost::json::object& body, domain::Timestamp now) {
  FieldProblems problems;
  NewApiKeyInput input;
  if (const auto* name = body.if_contains("name"); !name || name->is_null())
    problems.add("name", "is required");
  else
    input.name = read_label(body, "name", max_api_key_name_chars, problems).value_or("");
  input.role = read_role(body, problems, false);
  if (const auto expires = problems.optional_string(body, "expires_at", 64)) {
    input.expires_at = domain::parse_rfc3339(*expires);
    if (!input.expires_at)
      problems.add("expires_at", "must be an RFC 3339 time");
    else if (*input.expires_at <= now)
      problems.add("expires_at", "must be in the future");
  }
  problems.throw_if_any();
  return input;
}

}  // namespace vka::api
