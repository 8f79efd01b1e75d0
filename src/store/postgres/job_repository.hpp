#pragma once
#include "store/job_repository.hpp"
#include "store/postgres/database.hpp"

namespace vka::store::postgres {

class PostgresJobRepository final : public JobRepository {
 public:
  explicit PostgresJobRepository(Database& database) : database_(database) {}

  std::optional<LeasedJob> lease(std::string_view worker_id, domain::Timestamp now,
                                 std::chrono::seconds lease_duration) override;
  bool heartbeat(const LeaseToken& lease, domain::Timestamp now, std::chrono::seconds lease_duration) override;
  bool complete(const LeaseToken& lease, domain::Timestamp now) override;
  bool retry_later(const LeaseToken& lease, domain::Timestamp run_after, std::string_view error,
                   domain::Timestamp now) override;
  bool fail(const LeaseToken& lease, std::string_view error, domain::Timestamp now) override;
  bool release(const LeaseToken& lease, domain::Timestamp now) override;
  JobCounts counts() override;

 private:
  Database& database_;
};

}  // namespace vka::store::postgres
