#pragma once
// Read-only shares of a task with users.
#include <string>
#include <string_view>
#include <vector>

#include "domain/time.hpp"

namespace vka::store {

struct TaskShare {
  std::string task_id;
  std::string user_id;
  domain::Timestamp created_at;
  bool operator==(const TaskShare&) const = default;
};

class ShareRepository {
 public:
  virtual ~ShareRepository() = default;
  // False when the task was already shared with the user (the first share's time stays).
  // Throws StoreError(conflict) when the task or the user does not exist.
  virtual bool add(const TaskShare& share) = 0;
  virtual bool remove(std::string_view task_id, std::string_view user_id) = 0;
  // Oldest share first.
  virtual std::vector<TaskShare> list(std::string_view task_id) = 0;
  virtual bool contains(std::string_view task_id, std::string_view user_id) = 0;
};

}  // namespace vka::store
