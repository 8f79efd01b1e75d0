#pragma once
// The store facade: the repositories of one database, and its health. Every call blocks; run it on a
// worker thread pool, never on a network thread.
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "store/api_key_repository.hpp"
#include "store/audit_repository.hpp"
#include "store/collection_repository.hpp"
#include "store/event_repository.hpp"
#include "store/idempotency_repository.hpp"
#include "store/job_repository.hpp"
#include "store/key_check_repository.hpp"
#include "store/phrase_finder.hpp"
#include "store/results_repository.hpp"
#include "store/send_ledger_repository.hpp"
#include "store/session_repository.hpp"
#include "store/share_repository.hpp"
#include "store/task_repository.hpp"
#include "store/user_repository.hpp"
#include "store/vk_token_repository.hpp"
#include "store/webhook_repository.hpp"

namespace vka::store {

// A registration that ends when destroyed.
class Subscription {
 public:
  virtual ~Subscription() = default;
};

class Store {
 public:
  virtual ~Store() = default;

  virtual TaskRepository& tasks() = 0;
  virtual EventRepository& events() = 0;
  virtual IdempotencyRepository& idempotency() = 0;
  virtual ApiKeyRepository& api_keys() = 0;
  virtual CollectionRepository& collection() = 0;
  virtual ResultsRepository& results() = 0;
  virtual JobRepository& jobs() = 0;
  virtual VkTokenRepository& vk_tokens() = 0;
  virtual SendLedgerRepository& vk_sends() = 0;
  virtual UserRepository& users() = 0;
  virtual SessionRepository& sessions() = 0;
  virtual ShareRepository& shares() = 0;
  virtual AuditRepository& audit() = 0;
  virtual KeyCheckRepository& key_check() = 0;
  virtual WebhookRepository& webhooks() = 0;

  // Runs work so that every write it makes through this store's repositories, on this thread, commits as
  // one transaction when it returns, or not at all when it throws. Reads inside see the last commit.
  virtual void write_together(const std::function<void()>& work) = 0;

  // Calls wake, from a thread of its own, whenever a job may have become ready to lease in any process,
  // until the returned subscription is destroyed. nullptr when the engine cannot tell (SQLite: workers poll).
  virtual std::unique_ptr<Subscription> watch_queued_jobs(std::function<void()> wake) = 0;
  // Calls wake soon after a write that added a task event or an audit entry commits, until the returned
  // subscription is destroyed: in any process on PostgreSQL (NOTIFY), in this process on SQLite. A wake must
  // only signal; it may run on the writing thread. The subscription may outlive the store.
  virtual std::unique_ptr<Subscription> watch_changes(std::function<void()> wake) = 0;

  // Applies the missing migrations, each in its own transaction; returns their names ("0001_init").
  virtual std::vector<std::string> migrate() = 0;
  // True when every migration this binary knows is applied.
  virtual bool migrations_current() = 0;
  // True when the database answers; never throws.
  virtual bool ping() noexcept = 0;
  // Closes the connections; any later call throws StoreError(unavailable).
  virtual void close() = 0;
};

struct StoreOptions {
  int readers = 4;             // reader connections (SQLite)
  int busy_timeout_ms = 5000;  // how long a write waits for another process's lock (SQLite)
  int connections = 8;         // the most connections open at once (PostgreSQL)
  // Phrases of comments stored before they were kept; without it those comments count no phrases.
  PhraseFinder find_phrases;
};

// "sqlite://PATH" (relative or absolute) or "postgresql://…" (also "postgres://…", any URL libpq takes).
// Throws StoreError: invalid_url for anything else, unavailable when the database cannot be opened or
// reached. Messages never quote the URL, which may hold a password.
std::unique_ptr<Store> open_store(std::string_view database_url, const StoreOptions& options = {});

}  // namespace vka::store
