#include "api/task_input.hpp"

#include <fmt/format.h>

#include "domain/enum_names.hpp"
#include "domain/task_request.hpp"
#include "http/api_error.hpp"

namespace vka::api {

namespace {

using domain::TaskField;

constexpr auto field_names = domain::enum_names<TaskField>({{TaskField::name, "name"},
                                                            {TaskField::groups, "groups"},
                                                            {TaskField::posts, "posts"},
                                                            {TaskField::posts_per_group, "posts_per_group"},
                                                            {TaskField::since, "since"},
                                                            {TaskField::until, "until"},
                                                            {TaskField::threads, "threads"},
                                                            {TaskField::vk_token_id, "vk_token_id"}});

std::string_view json_name(TaskField field) { return field_names.name(field); }

// The body's members as a TaskRequest; a member or an item of the wrong JSON type is a problem, and
// null means absent.
class BodyReader {
 public:
  explicit BodyReader(const boost::json::object& body) : body_(body) {}

  std::optional<std::string> string(TaskField field, std::string_view expected = "must be a string or null") {
    const auto* value = member(field);
    if (!value) return std::nullopt;
    if (value->is_string()) return std::string{value->get_string()};
    problem(field, expected);
    return std::nullopt;
  }

  std::optional<std::int64_t> integer(TaskField field) {
    const auto* value = member(field);
    if (!value) return std::nullopt;
    if (value->is_int64()) return value->get_int64();
    problem(field, fmt::format("must be an integer from 1 to {}", domain::max_posts_per_group));
    return std::nullopt;
  }

  std::optional<bool> boolean(TaskField field) {
    const auto* value = member(field);
    if (!value) return std::nullopt;
    if (value->is_bool()) return value->get_bool();
    problem(field, "must be true or false");
    return std::nullopt;
  }

  // Items that are strings (or, when Input can hold one, integers); the others are reported and left empty.
  template <typename Input>
  std::vector<std::optional<Input>> items(TaskField field, std::string_view expected) {
    std::vector<std::optional<Input>> items;
    const auto* value = member(field);
    if (!value) return items;
    if (!value->is_array()) {
      problem(field, "must be an array");
      return items;
    }
    for (const auto& item : value->get_array()) {
      auto& read = items.emplace_back();
      if (item.is_string()) {
        read.emplace(std::string{item.get_string()});
      } else if constexpr (std::is_constructible_v<Input, std::int64_t>) {
        if (item.is_int64()) read.emplace(item.get_int64());
      }
      if (!read) found.push_back({field, items.size() - 1, std::string{expected}});
    }
    return items;
  }

  std::vector<domain::TaskFieldProblem> found;

 private:
  const boost::json::value* member(TaskField field) const {
    const auto* value = body_.if_contains(json_name(field));
    return value && !value->is_null() ? value : nullptr;
  }
  void problem(TaskField field, std::string_view text) { found.push_back({field, std::nullopt, std::string{text}}); }

  const boost::json::object& body_;
};

}  // namespace

domain::TaskParams parse_task_params(const boost::json::object& body, const ItemField& group_field) {
  BodyReader read{body};
  domain::TaskRequest request;
  request.name = read.string(TaskField::name);
  request.groups =
      read.items<domain::GroupInput>(TaskField::groups, "must be a community id, a screen name or a vk.com link");
  request.posts = read.items<std::string>(TaskField::posts, "must be a post id such as -1_123 or a vk.com/wall link");
  request.posts_per_group = read.integer(TaskField::posts_per_group);
  constexpr std::string_view time_expected = "must be an RFC 3339 time such as 2026-01-01T00:00:00Z, or null";
  request.since = read.string(TaskField::since, time_expected);
  request.until = read.string(TaskField::until, time_expected);
  request.threads = read.boolean(TaskField::threads);
  request.vk_token_id = read.string(TaskField::vk_token_id);

  auto checked = domain::check_task_request(request, json_name, std::move(read.found));
  if (checked.problems.empty()) return std::move(checked.params);
  std::vector<http::ErrorDetail> details;
  for (auto& [field, item, problem] : checked.problems) {
    auto name = std::string{json_name(field)};
    if (item)
      name = field == TaskField::groups && group_field ? group_field(*item) : fmt::format("{}[{}]", name, *item);
    details.push_back({std::move(name), std::move(problem)});
  }
  throw http::validation_failed("The request body is not valid.", std::move(details));
}

}  // namespace vka::api
