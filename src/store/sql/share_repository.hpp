#pragma once
// Task shares in SQL both engines run: parameters are numbered SQLite's way (?1, ?2), which PostgreSQL's
// connection renumbers. Instantiated for sqlite::Database and postgres::Database in the .cpp.
#include "store/share_repository.hpp"
#include "store/sql/engines.hpp"

namespace vka::store::sql {

template <class Database>
class ShareRepositoryOn final : public ShareRepository {
 public:
  explicit ShareRepositoryOn(Database& database) : database_(database) {}

  bool add(const TaskShare& share) override;
  bool remove(std::string_view task_id, std::string_view user_id) override;
  std::vector<TaskShare> list(std::string_view task_id) override;
  bool contains(std::string_view task_id, std::string_view user_id) override;

 private:
  Database& database_;
};

extern template class ShareRepositoryOn<sqlite::Database>;
extern template class ShareRepositoryOn<postgres::Database>;

}  // namespace vka::store::sql
