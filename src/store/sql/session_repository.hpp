#pragma once
// Browser sessions in SQL both engines run: parameters are numbered SQLite's way (?1, ?2), which PostgreSQL's
// connection renumbers. Instantiated for sqlite::Database and postgres::Database in the .cpp.
#include "store/session_repository.hpp"
#include "store/sql/engines.hpp"

namespace vka::store::sql {

template <class Database>
class SessionRepositoryOn final : public SessionRepository {
 public:
  explicit SessionRepositoryOn(Database& database) : database_(database) {}

  void create(const Session& session) override;
  std::optional<Session> find_live(std::string_view id_hash, domain::Timestamp now,
                                   domain::Timestamp idle_since) override;
  void touch(std::string_view id_hash, domain::Timestamp at) override;
  bool remove(std::string_view id_hash) override;
  int remove_for_user(std::string_view user_id, std::optional<std::string_view> keep) override;
  void remove_ended(domain::Timestamp now, domain::Timestamp idle_since) override;

 private:
  Database& database_;
};

extern template class SessionRepositoryOn<sqlite::Database>;
extern template class SessionRepositoryOn<postgres::Database>;

}  // namespace vka::store::sql
