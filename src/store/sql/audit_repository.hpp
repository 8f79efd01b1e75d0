#pragma once
// The audit trail in SQL both engines run: parameters are numbered SQLite's way (?1, ?2), which PostgreSQL's
// connection renumbers. Instantiated for sqlite::Database and postgres::Database in the .cpp.
#include "store/audit_repository.hpp"
#include "store/sql/engines.hpp"

namespace vka::store::sql {

template <class Database>
class AuditRepositoryOn final : public AuditRepository {
 public:
  explicit AuditRepositoryOn(Database& database) : database_(database) {}

  void record(const AuditEntry& entry) override;
  AuditPage list(const AuditQuery& query) override;
  std::vector<AuditEntry> after(std::int64_t after_seq, int limit) override;
  FailedLogins failed_logins_for(std::string_view username, domain::Timestamp since) override;
  FailedLogins failed_logins_from(std::string_view address, domain::Timestamp since) override;

 private:
  Database& database_;
};

extern template class AuditRepositoryOn<sqlite::Database>;
extern template class AuditRepositoryOn<postgres::Database>;

}  // namespace vka::store::sql
