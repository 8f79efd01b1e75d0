#pragma once
// Request bodies of the account routes, checked field by field (400 validation_failed naming every problem).
// Passwords are checked against the password policy; no problem ever quotes one.
#include <boost/json/object.hpp>

#include <optional>
#include <string>

#include "domain/time.hpp"
#include "store/api_key_repository.hpp"

namespace vka::api {

inline constexpr std::size_t max_display_name_chars = 200;
inline constexpr std::size_t max_api_key_name_chars = 200;

// Lower-cased; nullopt unless 3..64 of [a-z0-9._-] once lower-cased.
std::optional<std::string> normalize_username(std::string_view text);

struct LoginInput {
  std::string username;  // lower-cased, but not otherwise checked: a wrong one is simply a failed sign-in
  std::string password;
};
LoginInput parse_login(const boost::json::object& body);

struct NewUserInput {
  std::string username;
  std::string password;
  store::ApiKeyRole role = store::ApiKeyRole::viewer;
  std::string display_name;  // the username when not given
  bool must_change_password = false;
};
NewUserInput parse_new_user(const boost::json::object& body);

struct UserChanges {
  std::optional<store::ApiKeyRole> role;
  std::optional<std::string> display_name;
  std::optional<bool> disabled;
  std::optional<std::string> password;
  std::optional<bool> must_change_password;
};
UserChanges parse_user_changes(const boost::json::object& body);

struct PasswordChange {
  std::string current_password;
  std::string new_password;
};
PasswordChange parse_password_change(const boost::json::object& body);

struct NewApiKeyInput {
  std::string name;
  std::optional<store::ApiKeyRole> role;  // the caller's role when not given
  std::optional<domain::Timestamp> expires_at;
};
// expires_at must be later than `now`.
NewApiKeyInput parse_new_api_key(const boost::json::object& body, domain::Timestamp now);

}  // namespace vka::api
