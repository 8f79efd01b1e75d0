#include "app/api_keys_command.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>

#include "app/exit_codes.hpp"
#include "app/keys_setup.hpp"
#include "app/open_database.hpp"
#include "store/error.hpp"

namespace vka::app {

void ApiKeysCommand::add_to(CLI::App& command) {
  command.require_subcommand(1);
  create_ = command.add_subcommand("create", "create an API key and print it once");
  create_->add_option("--role", role_, "admin, analyst or viewer")
      ->required()
      ->check(CLI::IsMember({"admin", "analyst", "viewer"}));
  create_->add_option("--name", name_, "a label to recognise the key by")->capture_default_str();
  list_ = command.add_subcommand("list", "list API keys (never the keys themselves)");
  revoke_ = command.add_subcommand("revoke", "revoke an API key");
  revoke_->add_option("id", id_, "the key's id, as listed")->required();
}

int ApiKeysCommand::run(const Config& config) const {
  try {
    auto store = open_database(config.database_url);
    store->migrate();
    if (create_->parsed()) {
      const auto hasher = api_key_hasher(load_master_key(config.data_dir));
      const auto key = create_api_key(*store, hasher, *auth::parse_role(role_), name_.empty() ? role_ : name_);
      std::printf("%s\n", key.c_str());
      return exit_ok;
    }
    if (list_->parsed()) {
      for (const auto& key : store->api_keys().list())
        std::printf("%s\t%s\t%s\t%s%s\n", key.id.c_str(), std::string{store::to_string(key.role)}.c_str(),
                    domain::format_rfc3339(key.created_at).c_str(), key.name.c_str(),
                    key.revoked_at ? "\t(revoked)" : "");
      return exit_ok;
    }
    if (!store->api_keys().revoke(id_, domain::now())) {
      std::fprintf(stderr, "vk-analytics: no active API key with id %s\n", id_.c_str());
      return exit_failure;
    }
    std::printf("revoked %s\n", id_.c_str());
    return exit_ok;
  } catch (const store::StoreError& error) {
    std::fprintf(stderr, "vk-analytics: database: %s\n", error.what());
    return exit_failure;
  } catch (const std::runtime_error& error) {
    std::fprintf(stderr, "vk-analytics: %s\n", error.what());
    return exit_failure;
  }
}

}  // namespace vka::app
