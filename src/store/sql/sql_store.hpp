#pragma once
// The Store over one engine's Database: every repository of store/sql/ on it, and what every engine does
// the same way (migrations, write_together, health). An engine's store adds only what differs.
#include <spdlog/spdlog.h>

#include <exception>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/migrations.hpp"
#include "store/sql/api_key_repository.hpp"
#include "store/sql/audit_repository.hpp"
#include "store/sql/collection_repository.hpp"
#include "store/sql/event_repository.hpp"
#include "store/sql/idempotency_repository.hpp"
#include "store/sql/job_repository.hpp"
#include "store/sql/key_check_repository.hpp"
#include "store/sql/migrator.hpp"
#include "store/sql/results_repository.hpp"
#include "store/sql/send_ledger_repository.hpp"
#include "store/sql/session_repository.hpp"
#include "store/sql/share_repository.hpp"
#include "store/sql/task_repository.hpp"
#include "store/sql/user_repository.hpp"
#include "store/sql/vk_token_repository.hpp"
#include "store/sql/webhook_repository.hpp"
#include "store/store.hpp"

namespace vka::store::sql {

template <class Database>
class SqlStore : public Store {
 public:
  // engine: the folder of store/migrations/ to apply ("sqlite", "postgres"); find_phrases as StoreOptions says;
  // database_args open the Database.
  template <class... DatabaseArgs>
  SqlStore(std::string_view engine, PhraseFinder find_phrases, DatabaseArgs&&... database_args)
      : migrations_(builtin_migrations(engine)),
        database_(std::forward<DatabaseArgs>(database_args)...),
        results_(database_, std::move(find_phrases)) {
    ensure_migrations_table(database_);
  }

  TaskRepository& tasks() override { return tasks_; }
  EventRepository& events() override { return events_; }
  IdempotencyRepository& idempotency() override { return idempotency_; }
  ApiKeyRepository& api_keys() override { return api_keys_; }
  CollectionRepository& collection() override { return collection_; }
  ResultsRepository& results() override { return results_; }
  JobRepository& jobs() override { return jobs_; }
  VkTokenRepository& vk_tokens() override { return vk_tokens_; }
  SendLedgerRepository& vk_sends() override { return vk_sends_; }
  UserRepository& users() override { return users_; }
  SessionRepository& sessions() override { return sessions_; }
  ShareRepository& shares() override { return shares_; }
  AuditRepository& audit() override { return audit_; }
  KeyCheckRepository& key_check() override { return key_check_; }
  WebhookRepository& webhooks() override { return webhooks_; }

  void write_together(const std::function<void()>& work) override {
    database_.write([&](auto&) { work(); });
  }
  // Applies the missing migrations, then recomputes the read models a migration asked for.
  std::vector<std::string> migrate() override {
    auto applied = apply_migrations(database_, migrations_, domain::now());
    const auto stale = database_.read([](auto& c) {
      std::vector<std::string> task_ids;
      auto rows = c.query("SELECT task_id FROM projection_rebuilds ORDER BY task_id");
      while (rows.next()) task_ids.push_back(rows.text(0));
      return task_ids;
    });
    for (const std::string& task_id : stale) results_.rebuild_analytics(task_id);
    return applied;
  }
  bool migrations_current() override { return migrations_applied(database_, migrations_); }
  bool ping() noexcept override {
    try {
      return database_.read([](auto& c) { return c.query("SELECT 1").next(); });
    } catch (const std::exception& e) {
      spdlog::warn("database ping failed: {}", e.what());
      return false;
    }
  }
  void close() override { database_.close(); }

 protected:
  Database& database() { return database_; }

 private:
  std::vector<Migration> migrations_;
  Database database_;
  TaskRepositoryOn<Database> tasks_{database_};
  EventRepositoryOn<Database> events_{database_};
  IdempotencyRepositoryOn<Database> idempotency_{database_};
  ApiKeyRepositoryOn<Database> api_keys_{database_};
  CollectionRepositoryOn<Database> collection_{database_};
  ResultsRepositoryOn<Database> results_;
  JobRepositoryOn<Database> jobs_{database_};
  VkTokenRepositoryOn<Database> vk_tokens_{database_};
  SendLedgerRepositoryOn<Database> vk_sends_{database_};
  UserRepositoryOn<Database> users_{database_};
  SessionRepositoryOn<Database> sessions_{database_};
  ShareRepositoryOn<Database> shares_{database_};
  AuditRepositoryOn<Database> audit_{database_};
  KeyCheckRepositoryOn<Database> key_check_{database_};
  WebhookRepositoryOn<Database> webhooks_{database_};
};

}  // namespace vka::store::sql
