#include "app/api_keys_command.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>

#include "api/account_input.hpp"
#include "api/audit_trail.hpp"
#include "app/exit_codes.hpp"
#include "app/keys_setup.hpp"
#include "app/open_database.hpp"

namespace vka::app {

void ApiKeysCommand::add_to(CLI::App& command) {
  command.require_subcommand(1);
  create_ = command.add_subcommand("create", "create an API key and print it once");
  create_->add_option("--role", role_, "admin, analyst or viewer")
      ->required()
      ->check(CLI::IsMember({"admin", "analyst", "viewer"}));
  create_->add_option("--name", name_, "a label to recognise the key by")->capture_default_str();
  create_->add_option("--user", username_, "the user the key belongs to (acts as them, with at most their role)");
  list_ = command.add_subcommand("list", "list API keys (never the keys themselves)");
  revoke_ = command.add_subcommand("revoke", "revoke an API key");
  revoke_->add_option("id", id_, "the key's id, as listed")->required();
}

int ApiKeysCommand::run(const Config& config) const {
  return run_command("vk-analytics", [&] {
    auto store = open_database(config);
    store->migrate();
    if (create_->parsed()) {
      std::optional<std::string> owner_id;
      if (!username_.empty()) {
        const auto owner = store->users().find_by_username(api::normalize_username(username_).value_or(""));
        if (!owner) {
          std::fprintf(stderr, "vk-analytics: no user named %s\n", username_.c_str());
          return exit_failure;
        }
        owner_id = owner->id;
      }
      const auto hasher = api_key_hasher(load_master_key(config.data_dir));
      const auto key =
          create_api_key(*store, hasher, *domain::parse_role(role_), name_.empty() ? role_ : name_, owner_id);
      std::printf("%s\n", key.c_str());
      return exit_ok;
    }
    if (list_->parsed()) {
      for (const auto& key : store->api_keys().list())
        std::printf("%s\t%s\t%s\t%s%s\n", key.id.c_str(), std::string{domain::to_string(key.role)}.c_str(),
                    domain::format_rfc3339(key.created_at).c_str(), key.name.c_str(),
                    key.revoked_at ? "\t(revoked)" : "");
      return exit_ok;
    }
    bool revoked = false;
    store->write_together([&] {
      revoked = store->api_keys().revoke(id_, domain::now());
      if (revoked) api::record_system_audit(*store, "cli", "api_key.revoked", id_);
    });
    if (!revoked) {
      std::fprintf(stderr, "vk-analytics: no active API key with id %s\n", id_.c_str());
      return exit_failure;
    }
    std::printf("revoked %s\n", id_.c_str());
    return exit_ok;
  });
}

}  // namespace vka::app
