#include "api/task_json.hpp"

#include <boost/json/array.hpp>

#include "api/schedule_input.hpp"
#include "collect/progress_json.hpp"
#include "domain/post_ref.hpp"

namespace vka::api {

namespace {

boost::json::value optional_time(const std::optional<domain::Timestamp>& t) {
  if (!t) return nullptr;
  return boost::json::string{domain::format_rfc3339(*t)};
}

boost::json::object error_to_json(const domain::TaskError& e) {
  return {{"scope", e.scope},
          {"code", e.code},
          {"vk_error_code", e.vk_error_code ? boost::json::value(*e.vk_error_code) : boost::json::value(nullptr)},
          {"message", e.message},
          {"at", domain::format_rfc3339(e.at)}};
}

}  // namespace

boost::json::object task_params_to_json(const domain::TaskParams& params) {
  boost::json::array groups;
  for (const auto& group : params.groups)
    std::visit([&](const auto& value) { groups.emplace_back(value); }, group.value);
  boost::json::array posts;
  for (const auto& post : params.posts) posts.emplace_back(domain::to_string(post));
  return {{"name", params.name ? boost::json::value(*params.name) : boost::json::value(nullptr)},
          {"groups", std::move(groups)},
          {"posts", std::move(posts)},
          {"posts_per_group", params.posts_per_group},
          {"since", optional_time(params.since)},
          {"until", optional_time(params.until)},
          {"threads", params.threads},
          {"vk_token_id", params.vk_token_id ? boost::json::value(*params.vk_token_id) : boost::json::value(nullptr)}};
}

boost::json::object task_to_json(const domain::Task& task) {
  boost::json::array errors;
  for (const auto& error : task.errors) errors.push_back(error_to_json(error));
  return {{"id", task.id},
          {"name", task.params.name ? boost::json::value(*task.params.name) : boost::json::value(nullptr)},
          {"status", domain::to_string(task.status)},
          {"created_at", domain::format_rfc3339(task.created_at)},
          {"started_at", optional_time(task.started_at)},
          {"finished_at", optional_time(task.finished_at)},
          {"owner", task.owner},
          {"params", task_params_to_json(task.params)},
          {"progress", collect::progress_to_json(task.progress, domain::is_terminal(task.status) || task.waiting)},
          {"errors", std::move(errors)},
          {"waiting_reason", task.waiting ? boost::json::value(task.waiting->reason) : boost::json::value(nullptr)},
          {"waiting_since", optional_time(task.waiting ? std::optional(task.waiting->since) : std::nullopt)},
          {"schedule", schedule_to_json(task.schedule)},
          {"last_refreshed_at", optional_time(task.last_refreshed_at)},
          {"next_refresh_at", optional_time(task.next_refresh_at)},
          {"webhook", task.webhook ? boost::json::value({{"url", task.webhook->url}}) : boost::json::value(nullptr)}};
}

}  // namespace vka::api
