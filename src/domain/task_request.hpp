#pragma once
// What a client asks a collection task to be, before it is checked. The JSON body of POST /api/v1/tasks
// and the command line of `vk-analytics collect` both come down to a TaskRequest, and
// check_task_request() applies the one set of rules to it: it normalizes the references and names every
// problem by field, for each transport to word with its own names for the fields.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/group_ref.hpp"
#include "domain/task.hpp"

namespace vka::domain {

inline constexpr int max_posts_per_group = 100000;
inline constexpr std::size_t max_task_name_bytes = 200;
inline constexpr std::size_t max_vk_token_id_bytes = 64;
inline constexpr std::size_t max_refs_per_task = 10000;

struct TaskRequest {
  std::optional<std::string> name;
  // An item the transport could not read (a JSON value of the wrong type) is nullopt: the transport has
  // reported it, and it keeps its place so that problems number items as the client did.
  std::vector<std::optional<GroupInput>> groups;
  std::vector<std::optional<std::string>> posts;
  std::optional<std::int64_t> posts_per_group;
  std::optional<std::string> since;  // RFC 3339
  std::optional<std::string> until;
  std::optional<bool> threads;
  std::optional<std::string> vk_token_id;
};

enum class TaskField { name, groups, posts, posts_per_group, since, until, threads, vk_token_id };

struct TaskFieldProblem {
  TaskField field;
  std::optional<std::size_t> item;  // zero-based position in a list field
  std::string problem;              // reads after the field's name: "must be an integer from 1 to 100000"
  bool operator==(const TaskFieldProblem&) const = default;
};

// What a transport calls a field ("posts_per_group", "--posts-per-group"); a problem that involves a
// second field names it so.
using TaskFieldName = std::string_view (*)(TaskField field);

struct CheckedTaskRequest {
  TaskParams params;                       // meaningful only when problems is empty
  std::vector<TaskFieldProblem> problems;  // in field order, a list's items in list order
};

// `found` are the problems the transport met while reading the request (wrong types); they are merged
// with the rest, and a request that names nothing to collect is a problem only when nothing else is.
CheckedTaskRequest check_task_request(const TaskRequest& request, TaskFieldName name,
                                      std::vector<TaskFieldProblem> found = {});

}  // namespace vka::domain
