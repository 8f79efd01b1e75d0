#pragma once
// The master key's check value in SQL both engines run. Instantiated for sqlite::Database and
// postgres::Database in the .cpp.
#include "store/key_check_repository.hpp"
#include "store/sql/engines.hpp"

namespace vka::store::sql {

template <class Database>
class KeyCheckRepositoryOn final : public KeyCheckRepository {
 public:
  explicit KeyCheckRepositoryOn(Database& database) : database_(database) {}

  std::optional<std::string> stored() override;
  std::string remember(const std::string& value) override;

 private:
  Database& database_;
};

extern template class KeyCheckRepositoryOn<sqlite::Database>;
extern template class KeyCheckRepositoryOn<postgres::Database>;

}  // namespace vka::store::sql
