#include "api/accounts.hpp"

#include "auth/password.hpp"
#include "domain/ids.hpp"

namespace vka::api {

store::User make_user(const NewUserInput& input, domain::Timestamp now) {
  return {.id = domain::new_id(domain::IdKind::user),
          .username = input.username,
          .display_name = input.display_name,
          .role = input.role,
          .password_hash = auth::hash_password(input.password),
          .disabled = false,
          .must_change_password = input.must_change_password,
          .created_at = now,
          .last_login_at = std::nullopt};
}

void cut_off(store::Store& store, std::string_view user_id, domain::Timestamp now) {
  store.sessions().remove_for_user(user_id);
  store.api_keys().revoke_owned(user_id, now);
}

}  // namespace vka::api
