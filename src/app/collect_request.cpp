#include "app/collect_request.hpp"

#include <fmt/format.h>

#include "domain/enum_names.hpp"
#include "domain/task_request.hpp"

namespace vka::app {

namespace {

using domain::TaskField;

// The command line's names of the fields `collect` can set.
constexpr auto argument_names = domain::enum_names<TaskField>({{TaskField::groups, "communities"},
                                                               {TaskField::posts, "--posts"},
                                                               {TaskField::posts_per_group, "--posts-per-group"},
                                                               {TaskField::since, "--since"},
                                                               {TaskField::until, "--until"},
                                                               {TaskField::threads, "--no-threads"}});

std::string_view argument_name(TaskField field) { return argument_names.name(field); }

// "community 2", "--posts 3": items are counted from 1, in the order they were given.
std::string argument_of(const domain::TaskFieldProblem& problem) {
  if (!problem.item) return std::string{argument_name(problem.field)};
  if (problem.field == TaskField::groups) return fmt::format("community {}", *problem.item + 1);
  return fmt::format("{} {}", argument_name(problem.field), *problem.item + 1);
}

}  // namespace

CollectParams to_task_params(const CollectRequest& request) {
  domain::TaskRequest task;
  task.groups.assign(request.groups.begin(), request.groups.end());
  task.posts.assign(request.posts.begin(), request.posts.end());
  task.posts_per_group = request.posts_per_group;
  task.since = request.since;
  task.until = request.until;
  if (request.no_threads) task.threads = false;
  auto checked = domain::check_task_request(task, argument_name);
  CollectParams result{std::move(checked.params), {}};
  for (const auto& problem : checked.problems)
    result.problems.push_back(fmt::format("{}: {}", argument_of(problem), problem.problem));
  return result;
}

}  // namespace vka::app
