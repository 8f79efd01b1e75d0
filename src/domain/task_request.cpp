#include "domain/task_request.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "domain/post_ref.hpp"

namespace vka::domain {

namespace {

class Problems {
 public:
  explicit Problems(std::vector<TaskFieldProblem> found) : list_(std::move(found)) {}

  void add(TaskField field, std::string problem) { list_.push_back({field, std::nullopt, std::move(problem)}); }
  void add(TaskField field, std::size_t item, std::string problem) {
    list_.push_back({field, item, std::move(problem)});
  }
  bool empty() const { return list_.empty(); }

  std::vector<TaskFieldProblem> in_field_order() && {
    std::stable_sort(list_.begin(), list_.end(), [](const auto& a, const auto& b) {
      const auto place = [](const TaskFieldProblem& p) { return std::pair{p.field, p.item ? *p.item + 1 : 0}; };
      return place(a) < place(b);
    });
    return std::move(list_);
  }

 private:
  std::vector<TaskFieldProblem> list_;
};

// The distinct references of a list; the problems of its items are reported by their place in the list.
template <typename Input, typename Ref>
std::vector<Ref> references(const std::vector<std::optional<Input>>& items,
                            NormalizedRefs<Ref> (*normalize)(const std::vector<Input>&), TaskField field,
                            Problems& problems) {
  if (items.size() > max_refs_per_task) {
    problems.add(field, fmt::format("must have at most {} items", max_refs_per_task));
    return {};
  }
  std::vector<Input> inputs;
  std::vector<std::size_t> places;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!items[i]) continue;
    inputs.push_back(*items[i]);
    places.push_back(i);
  }
  auto normalized = normalize(inputs);
  for (auto& problem : normalized.problems) problems.add(field, places[problem.index], std::move(problem.problem));
  return std::move(normalized.refs);
}

std::optional<std::string> at_most_bytes(const std::optional<std::string>& text, std::size_t max_bytes, TaskField field,
                                         Problems& problems) {
  if (!text || text->size() <= max_bytes) return text;
  problems.add(field, fmt::format("must be at most {} bytes long", max_bytes));
  return std::nullopt;
}

std::optional<Timestamp> time(const std::optional<std::string>& text, TaskField field, Problems& problems) {
  if (!text) return std::nullopt;
  if (auto parsed = parse_rfc3339(*text)) return parsed;
  problems.add(field, "must be an RFC 3339 time such as 2026-01-01T00:00:00Z");
  return std::nullopt;
}

}  // namespace

CheckedTaskRequest check_task_request(const TaskRequest& request, TaskFieldName name,
                                      std::vector<TaskFieldProblem> found) {
  Problems problems{std::move(found)};
  TaskParams params;
  params.name = at_most_bytes(request.name, max_task_name_bytes, TaskField::name, problems);
  params.groups = references(request.groups, normalize_group_refs, TaskField::groups, problems);
  params.posts = references(request.posts, normalize_post_refs, TaskField::posts, problems);
  if (const auto count = request.posts_per_group) {
    if (*count >= 1 && *count <= max_posts_per_group)
      params.posts_per_group = static_cast<int>(*count);
    else
      problems.add(TaskField::posts_per_group, fmt::format("must be an integer from 1 to {}", max_posts_per_group));
  }
  params.since = time(request.since, TaskField::since, problems);
  params.until = time(request.until, TaskField::until, problems);
  if (params.since && params.until && *params.since > *params.until)
    problems.add(TaskField::until, fmt::format("must not be before {}", name(TaskField::since)));
  if (request.threads) params.threads = *request.threads;
  params.vk_token_id = at_most_bytes(request.vk_token_id, max_vk_token_id_bytes, TaskField::vk_token_id, problems);
  if (problems.empty() && params.groups.empty() && params.posts.empty())
    problems.add(TaskField::groups,
                 fmt::format("give at least one community, or a post in {}", name(TaskField::posts)));
  return {std::move(params), std::move(problems).in_field_order()};
}

}  // namespace vka::domain
