#pragma once
// The Store on a PostgreSQL database, shared by any number of processes.
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
#include "store/postgres/collection_repository.hpp"
#include "store/postgres/database.hpp"
#include "store/postgres/event_repository.hpp"
#include "store/postgres/job_repository.hpp"
#include "store/postgres/results_repository.hpp"
#include "store/postgres/send_ledger_repository.hpp"
#include "store/postgres/task_repository.hpp"
#include "store/store.hpp"

namespace vka::store::postgres {

class PostgresStore final : public Store {
 public:
  // url: the whole postgresql:// URL as libpq takes it; it never appears in messages or logs.
  PostgresStore(const std::string& url, const StoreOptions& options);

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
  std::unique_ptr<Subscription> watch_queued_jobs(std::function<void()> wake) override;
  std::vector<std::string> migrate() override;
  bool migrations_current() override;
  bool ping() noexcept override;
  void close() override;

 private:
  std::string url_;
  std::vector<Migration> migrations_;
  Database database_;
  PostgresTaskRepository tasks_{database_};
  PostgresEventRepository events_{database_};
  sql::IdempotencyRepositoryOn<Database> idempotency_{database_};
  sql::ApiKeyRepositoryOn<Database> api_keys_{database_};
  PostgresCollectionRepository collection_{database_};
  PostgresResultsRepository results_{database_};
  PostgresJobRepository jobs_{database_};
  sql::VkTokenRepositoryOn<Database> vk_tokens_{database_};
  PostgresSendLedgerRepository vk_sends_{database_};
  sql::UserRepositoryOn<Database> users_{database_};
  sql::SessionRepositoryOn<Database> sessions_{database_};
  sql::ShareRepositoryOn<Database> shares_{database_};
  sql::AuditRepositoryOn<Database> audit_{database_};
};

}  // namespace vka::store::postgres
