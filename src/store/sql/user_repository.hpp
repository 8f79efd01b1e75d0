#pragma once
// User accounts in SQL both engines run: parameters are numbered SQLite's way (?1, ?2), which PostgreSQL's
// connection renumbers. Instantiated for sqlite::Database and postgres::Database in the .cpp.
#include "store/sql/engines.hpp"
#include "store/user_repository.hpp"

namespace vka::store::sql {

template <class Database>
class UserRepositoryOn final : public UserRepository {
 public:
  explicit UserRepositoryOn(Database& database) : database_(database) {}

  void create(const User& user) override;
  std::optional<User> get(std::string_view id) override;
  std::optional<User> find_by_username(std::string_view username) override;
  UserPage list(const std::optional<UserCursor>& after, int limit) override;
  bool any() override;
  bool update(const User& user) override;
  bool remove(std::string_view id) override;

 private:
  std::optional<User> find_one(std::string_view column, std::string_view value);  // column: a unique key

  Database& database_;
};

extern template class UserRepositoryOn<sqlite::Database>;
extern template class UserRepositoryOn<postgres::Database>;

}  // namespace vka::store::sql
