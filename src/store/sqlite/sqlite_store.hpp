#pragma once
// The Store on one SQLite file.
#include <string>
#include <vector>

#include "store/migrations.hpp"
#include "store/sql/api_key_repository.hpp"
#include "store/sql/audit_repository.hpp"
#include "store/sql/idempotency_repository.hpp"
#include "store/sql/session_repository.hpp"
#include "store/sql/share_repository.hpp"
#include "store/sql/user_repository.hpp"
#include "store/sql/vk_token_repository.hpp"
#include "store/sqlite/collection_repository.hpp"
#include "store/sqlite/database.hpp"
#include "store/sqlite/event_repository.hpp"
#include "store/sqlite/job_repository.hpp"
#include "store/sqlite/results_repository.hpp"
#include "store/sqlite/send_ledger_repository.hpp"
#include "store/sqlite/task_repository.hpp"
#include "store/store.hpp"

namespace vka::store::sqlite {

class SqliteStore final : public Store {
 public:
  SqliteStore(const std::string& path, const StoreOptions& options);

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

  void write_together(const std::function<void()>& work) override {
    database_.write([&](Connection&) { work(); });
  }
  std::unique_ptr<Subscription> watch_queued_jobs(std::function<void()>) override { return nullptr; }
  std::vector<std::string> migrate() override;
  bool migrations_current() override;
  bool ping() noexcept override;
  void close() override;

 private:
  std::vector<Migration> migrations_;
  Database database_;
  SqliteTaskRepository tasks_{database_};
  SqliteEventRepository events_{database_};
  sql::IdempotencyRepositoryOn<Database> idempotency_{database_};
  sql::ApiKeyRepositoryOn<Database> api_keys_{database_};
  SqliteCollectionRepository collection_{database_};
  SqliteResultsRepository results_{database_};
  SqliteJobRepository jobs_{database_};
  sql::VkTokenRepositoryOn<Database> vk_tokens_{database_};
  SqliteSendLedgerRepository vk_sends_{database_};
  sql::UserRepositoryOn<Database> users_{database_};
  sql::SessionRepositoryOn<Database> sessions_{database_};
  sql::ShareRepositoryOn<Database> shares_{database_};
  sql::AuditRepositoryOn<Database> audit_{database_};
};

}  // namespace vka::store::sqlite
