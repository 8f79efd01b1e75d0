#include "api/task_input.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "api/json_input.hpp"
#include "domain/group_ref.hpp"
#include "domain/post_ref.hpp"

namespace vka::api {

namespace {

// Problems of one list, reported in the order of the client's items.
class ItemProblems {
 public:
  explicit ItemProblems(ItemField field) : field_(std::move(field)) {}
  void add(std::size_t index, std::string problem) { problems_.emplace_back(index, std::move(problem)); }
  void report_to(FieldProblems& problems) {
    std::stable_sort(problems_.begin(), problems_.end(), [](auto& a, auto& b) { return a.first < b.first; });
    for (auto& [index, problem] : problems_) problems.add(field_(index), std::move(problem));
  }

 private:
  ItemField field_;
  std::vector<std::pair<std::size_t, std::string>> problems_;
};

// Normalizes the items the domain can read and reports the rest, all by the client's indices.
ItemField indexed(std::string_view array) {
  return [array](std::size_t index) { return fmt::format("{}[{}]", array, index); };
}

template <typename Input, typename Normalize>
auto normalize_items(const boost::json::array& items, ItemField field, std::string_view wrong_type,
                     Normalize normalize, FieldProblems& problems) {
  ItemProblems item_problems{std::move(field)};
  std::vector<Input> inputs;
  std::vector<std::size_t> positions;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    if (item.is_string()) inputs.emplace_back(std::string{item.get_string()});
    else if constexpr (std::is_constructible_v<Input, std::int64_t>)
      if (item.is_int64()) inputs.emplace_back(item.get_int64());
    if (inputs.size() == positions.size()) item_problems.add(i, std::string{wrong_type});
    else positions.push_back(i);
  }
  auto normalized = normalize(inputs);
  for (auto& problem : normalized.problems) item_problems.add(positions[problem.index], std::move(problem.problem));
  item_problems.report_to(problems);
  return std::move(normalized.refs);
}

const boost::json::array* optional_array(const boost::json::object& body, std::string_view field,
                                         FieldProblems& problems) {
  const auto* value = body.if_contains(field);
  if (!value || value->is_null()) return nullptr;
  if (!value->is_array()) {
    problems.add(std::string{field}, "must be an array");
    return nullptr;
  }
  if (value->get_array().size() > max_refs_per_task) {
    problems.add(std::string{field}, fmt::format("must have at most {} items", max_refs_per_task));
    return nullptr;
  }
  return &value->get_array();
}

std::optional<domain::Timestamp> optional_time(const boost::json::object& body, std::string_view field,
                                               FieldProblems& problems) {
  const auto* value = body.if_contains(field);
  if (!value || value->is_null()) return std::nullopt;
  if (value->is_string())
    if (auto parsed = domain::parse_rfc3339(value->get_string())) return parsed;
  problems.add(std::string{field}, "must be an RFC 3339 time such as 2026-01-01T00:00:00Z, or null");
  return std::nullopt;
}

}  // namespace

domain::TaskParams parse_task_params(const boost::json::object& body, const ItemField& group_field) {
  FieldProblems problems;
  domain::TaskParams params;
  params.name = problems.optional_string(body, "name", max_task_name_bytes);

  if (const auto* groups = optional_array(body, "groups", problems))
    params.groups = normalize_items<domain::GroupInput>(
        *groups, group_field ? group_field : indexed("groups"), "must be a community id, a screen name or a vk.com link",
        domain::normalize_group_refs, problems);
  if (const auto* posts = optional_array(body, "posts", problems))
    params.posts = normalize_items<std::string>(*posts, indexed("posts"), "must be a post id such as -1_123 or a vk.com/wall link",
                                                domain::normalize_post_refs, problems);
  if (const auto count = problems.optional_integer(body, "posts_per_group", 1, max_posts_per_group))
    params.posts_per_group = static_cast<int>(*count);
  params.since = optional_time(body, "since", problems);
  params.until = optional_time(body, "until", problems);
  if (params.since && params.until && *params.since > *params.until) problems.add("until", "must not be before since");
  if (const auto threads = problems.optional_bool(body, "threads")) params.threads = *threads;
  params.vk_token_id = problems.optional_string(body, "vk_token_id", 64);
  if (problems.empty() && params.groups.empty() && params.posts.empty())
    problems.add("groups", "give at least one community in groups or one post in posts");
  problems.throw_if_any();
  return params;
}

}  // namespace vka::api
