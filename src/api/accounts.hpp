#pragma once
// What the HTTP routes and the `users` command both do to accounts.
#include <string_view>

#include "api/account_input.hpp"
#include "store/store.hpp"

namespace vka::api {

// A new user with the password hashed (argon2id), ready to store.
store::User make_user(const NewUserInput& input, domain::Timestamp now);
// Ends at once what a disabled or deleted user could still use: their sessions and API keys.
void cut_off(store::Store& store, std::string_view user_id, domain::Timestamp now);

}  // namespace vka::api
