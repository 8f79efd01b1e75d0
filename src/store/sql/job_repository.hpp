#pragma once
// The durable job queue in SQL both engines run; how the next job is picked comes from the dialect.
#include "store/job_repository.hpp"
#include "store/sql/engines.hpp"

namespace vka::store::sql {

template <class Database>
class JobRepositoryOn final : public JobRepository {
 public:
  explicit JobRepositoryOn(Database& database) : database_(database) {}

  std::optional<LeasedJob> lease(std::string_view worker_id, domain::Timestamp now,
                                 std::chrono::seconds lease_duration) override;
  bool heartbeat(const LeaseToken& lease, domain::Timestamp now, std::chrono::seconds lease_duration) override;
  bool complete(const LeaseToken& lease, domain::Timestamp now) override;
  bool retry_later(const LeaseToken& lease, domain::Timestamp run_after, std::string_view error,
                   domain::Timestamp now) override;
  bool fail(const LeaseToken& lease, std::string_view error, domain::Timestamp now) override;
  bool release(const LeaseToken& lease, domain::Timestamp now) override;
  bool postpone(const LeaseToken& lease, domain::Timestamp run_after, std::string_view error,
                domain::Timestamp now) override;
  JobCounts counts() override;

 private:
  Database& database_;
};

extern template class JobRepositoryOn<sqlite::Database>;
extern template class JobRepositoryOn<postgres::Database>;

}  // namespace vka::store::sql
