#pragma once
// User accounts. Usernames are stored lower-cased, which makes them unique case-insensitively; the store
// keeps only the argon2id hash of a password.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/time.hpp"
#include "store/api_key_repository.hpp"

namespace vka::store {

struct User {
  std::string id;
  std::string username;  // lower case
  std::string display_name;
  ApiKeyRole role = ApiKeyRole::viewer;
  std::string password_hash;
  bool disabled = false;
  bool must_change_password = false;
  domain::Timestamp created_at;
  std::optional<domain::Timestamp> last_login_at;
  bool operator==(const User&) const = default;
};

// A position in the newest-first order: the last row of the previous page.
struct UserCursor {
  domain::Timestamp created_at;
  std::string id;
  bool operator==(const UserCursor&) const = default;
};

struct UserPage {
  std::vector<User> items;
  std::optional<UserCursor> next;  // nullopt on the last page
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  // Throws StoreError(conflict) when the id or the username is taken.
  virtual void create(const User& user) = 0;
  virtual std::optional<User> get(std::string_view id) = 0;
  virtual std::optional<User> find_by_username(std::string_view username) = 0;
  // Newest first: (created_at, id) descending. limit outside 1..1000 is clamped.
  virtual UserPage list(const std::optional<UserCursor>& after, int limit) = 0;
  virtual bool any() = 0;
  // Replaces every field but id, username and created_at. False when there is no such user.
  virtual bool update(const User& user) = 0;
  // False when there was no such user. Their sessions and task shares go with them.
  virtual bool remove(std::string_view id) = 0;
};

}  // namespace vka::store
