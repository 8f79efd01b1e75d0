#include "app/users_command.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>

#include "api/accounts.hpp"
#include "api/audit_trail.hpp"
#include "app/exit_codes.hpp"
#include "app/open_database.hpp"
#include "app/password_prompt.hpp"
#include "auth/password.hpp"
#include "auth/password_policy.hpp"

namespace vka::app {

namespace {

constexpr std::string_view cli_actor = "cli";

std::string new_password() {
  const auto password = read_password("New password: ");
  if (!password) throw std::runtime_error("no password given");
  if (const auto problem = auth::password_problem(*password)) throw std::runtime_error("the password " + *problem);
  return *password;
}

std::string username_of(const std::string& text) {
  const auto username = api::normalize_username(text);
  if (!username) throw std::runtime_error("a username is 3 to 64 of a-z, 0-9, '.', '_' and '-'");
  return *username;
}

store::User existing(store::Store& store, const std::string& text) {
  auto user = store.users().find_by_username(username_of(text));
  if (!user) throw std::runtime_error("no user named " + text);
  return std::move(*user);
}

void save(store::Store& store, const store::User& user, std::string_view action, bool cut_off) {
  store.write_together([&] {
    store.users().update(user);
    if (cut_off) api::cut_off(store, user.id, domain::now());
    api::record_system_audit(store, cli_actor, action, user.id);
  });
}

}  // namespace

void UsersCommand::add_to(CLI::App& command) {
  command.require_subcommand(1);
  const auto roles = CLI::IsMember({"admin", "analyst", "viewer"});
  create_ = command.add_subcommand("create", "create a user; the password is read without echo (or from stdin)");
  create_->add_option("username", username_, "3 to 64 of a-z, 0-9, '.', '_' and '-'")->required();
  create_->add_option("--role", role_, "admin, analyst or viewer")->required()->check(roles);
  create_->add_option("--display-name", display_name_, "the name shown for the user (default: the username)");
  create_->add_flag("--must-change-password", must_change_password_, "ask for a new password at first sign-in");
  list_ = command.add_subcommand("list", "list users (never their passwords)");
  set_role_ = command.add_subcommand("set-role", "change a user's role");
  set_role_->add_option("username", username_)->required();
  set_role_->add_option("role", role_, "admin, analyst or viewer")->required()->check(roles);
  disable_ = command.add_subcommand("disable", "disable a user, ending their sessions and API keys");
  disable_->add_option("username", username_)->required();
  reset_password_ =
      command.add_subcommand("reset-password", "set a new password (read without echo) and end the user's sessions");
  reset_password_->add_option("username", username_)->required();
  reset_password_->add_flag("--must-change-password", must_change_password_, "ask for a new password at next sign-in");
}

int UsersCommand::run(const Config& config) const {
  return run_command("vk-analytics", [&] {
    auto store = open_database(config);
    store->migrate();
    if (create_->parsed()) {
      const auto username = username_of(username_);
      const auto user = api::make_user({.username = username,
                                        .password = new_password(),
                                        .role = *domain::parse_role(role_),
                                        .display_name = display_name_.empty() ? username : display_name_,
                                        .must_change_password = must_change_password_},
                                       domain::now());
      if (store->users().find_by_username(user.username)) throw std::runtime_error("a user with this username exists");
      store->write_together([&] {
        store->users().create(user);
        api::record_system_audit(*store, cli_actor, "user.created", user.id);
      });
      std::printf("created %s (%s)\n", user.username.c_str(), user.id.c_str());
    } else if (list_->parsed()) {
      std::optional<store::UserCursor> after;
      do {
        const auto page = store->users().list(after, 1000);
        for (const auto& user : page.items)
          std::printf("%s\t%s\t%s\t%s%s\n", user.id.c_str(), user.username.c_str(),
                      std::string{domain::to_string(user.role)}.c_str(), user.display_name.c_str(),
                      user.disabled ? "\t(disabled)" : "");
        after = page.next;
      } while (after);
    } else if (set_role_->parsed()) {
      auto user = existing(*store, username_);
      user.role = *domain::parse_role(role_);
      save(*store, user, "user.updated", false);
      std::printf("%s is now %s\n", user.username.c_str(), role_.c_str());
    } else if (disable_->parsed()) {
      auto user = existing(*store, username_);
      user.disabled = true;
      save(*store, user, "user.updated", true);
      std::printf("disabled %s\n", user.username.c_str());
    } else {
      auto user = existing(*store, username_);
      user.password_hash = auth::hash_password(new_password());
      user.must_change_password = must_change_password_;
      store->write_together([&] {
        store->users().update(user);
        store->sessions().remove_for_user(user.id);
        api::record_system_audit(*store, cli_actor, "user.password_reset", user.id);
      });
      std::printf("reset the password of %s\n", user.username.c_str());
    }
    return exit_ok;
  });
}

}  // namespace vka::app
