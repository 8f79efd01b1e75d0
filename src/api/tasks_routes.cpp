#include <fmt/format.h>
#include <boost/json/array.hpp>

#include "api/audit_trail.hpp"
#include "api/authenticated.hpp"
#include "api/idempotency.hpp"
#include "api/json_input.hpp"
#include "api/newest_first_cursor.hpp"
#include "api/query.hpp"
#include "api/routes.hpp"
#include "api/schedule_input.hpp"
#include "api/task_access.hpp"
#include "api/task_creation.hpp"
#include "api/task_form.hpp"
#include "api/task_input.hpp"
#include "api/task_json.hpp"
#include "api/task_refresh.hpp"
#include "api/task_webhook.hpp"
#include "api/webhook_input.hpp"
#include "auth/permissions.hpp"
#include "domain/task_request.hpp"
#include "domain/task_state.hpp"
#include "http/envelope.hpp"

namespace vka::api {

namespace {

constexpr std::string_view tasks_cursor_scope = "tasks:-created_at";

void require_task_creator(const auth::Principal& principal) {
  if (!auth::can_create_tasks(principal)) throw http::forbidden("Viewers cannot create tasks.");
}

struct NewTask {
  domain::TaskParams params;
  std::optional<domain::TaskSchedule> schedule;
  std::optional<WebhookInput> webhook;
};

// The schedule member leaves the body, which then holds the collection parameters alone.
std::optional<domain::TaskSchedule> take_schedule(boost::json::object& body) {
  const auto it = body.find("schedule");
  if (it == body.end()) return std::nullopt;
  auto schedule = parse_schedule(it->value());
  body.erase(it);
  return schedule;
}

// JSON, or a form with a groups_file whose bad lines are named by line number.
NewTask read_new_task(const http::Request& request, bool allow_private_webhooks) {
  if (is_multipart(request)) {
    auto form = read_task_form(request);
    auto schedule = take_schedule(form.body);
    auto webhook = take_webhook(form.body, allow_private_webhooks);
    return {
        parse_task_params(form.body,
                          [&](std::size_t index) { return fmt::format("groups_file:{}", form.group_lines.at(index)); }),
        schedule, std::move(webhook)};
  }
  auto body = read_json_object(request, {"name", "groups", "posts", "posts_per_group", "since", "until", "threads",
                                         "vk_token_id", "schedule", "webhook"});
  auto schedule = take_schedule(body);
  auto webhook = take_webhook(body, allow_private_webhooks);
  return {parse_task_params(body), schedule, std::move(webhook)};
}

// A task may name only a VK token its creator may use; anything else reads as "no such token".
void require_usable_token(Services& services, const auth::Principal& principal,
                          const std::optional<std::string>& token_id) {
  if (!token_id) return;
  const auto token = services.store.vk_tokens().get(*token_id);
  if (!token || !auth::can_use_vk_token(principal, token->owner))
    throw http::validation_failed("The task names a VK token you cannot use.",
                                  {{"vk_token_id", "no such VK token among yours"}});
}

http::Response post_task(Services& services, http::Request& request, const auth::Principal& principal) {
  require_task_creator(principal);
  return run_idempotently(request, principal.id, services.store.idempotency(), [&] {
    auto input = read_new_task(request, services.webhook_allow_private);
    require_usable_token(services, principal, input.params.vk_token_id);
    domain::Task task;
    std::optional<std::string> secret;
    services.store.write_together([&] {
      task = create_task(services.store, std::move(input.params), principal.id, input.schedule);
      if (input.webhook) secret = apply_webhook(services, task, *input.webhook);
      record_audit(services.store, request, principal, "task.created", task.id);
    });
    auto response = http::envelope(request, 201, task_json_with_secret(task, secret));
    response.headers.set("Location", "/api/v1/tasks/" + task.id);
    return response;
  });
}

http::Response list_tasks(Services& services, http::Request& request, const auth::Principal& principal) {
  const QueryParams query{request};
  store::TaskListQuery list_query;
  list_query.limit = query.limit();
  if (const auto status = query.get("status"); status && !status->empty()) {
    list_query.status = domain::parse_task_status(*status);
    if (!list_query.status)
      throw http::validation_failed("Unknown status.", {{"status",
                                                         "must be one of queued, running, paused, "
                                                         "completed, completed_with_errors, failed, canceled"}});
  }
  if (!sees_every_task(services, principal)) {
    list_query.owner = principal.id;
    list_query.shared_with_owner = true;
  }
  if (auto after = read_newest_first_cursor(query, tasks_cursor_scope))
    list_query.after = store::TaskCursor{after->created_at, std::move(after->id)};
  const auto page = services.store.tasks().list(list_query);
  boost::json::array items;
  for (const auto& task : page.items) items.push_back(task_to_json(task));
  std::optional<NewestFirstPosition> next;
  if (page.next) next = NewestFirstPosition{page.next->created_at, page.next->id};
  boost::json::object meta{{"limit", list_query.limit}, {"next_cursor", next_cursor_json(tasks_cursor_scope, next)}};
  return http::envelope(request, 200, std::move(items), std::move(meta));
}

http::Response get_task(Services& services, http::Request& request, const auth::Principal& principal) {
  return http::envelope(request, 200, task_to_json(visible_task(services, principal, request.path_param("id"))));
}

// pause / resume / cancel: a compare-and-set on the status, retried if a worker moved the task meanwhile.
http::Response change_task(Services& services, http::Request& request, const auth::Principal& principal,
                           domain::TaskAction action) {
  return run_idempotently(request, principal.id, services.store.idempotency(), [&] {
    auto task = visible_task(services, principal, request.path_param("id"));
    require_task_changer(principal, task);
    for (;;) {
      const auto next = domain::transition(task.status, action);
      if (!next) throw http::conflict(domain::transition_problem(task.status, action));
      store::TaskTransition change{.from = task.status,
                                   .to = *next,
                                   .at = domain::now(),
                                   .event = {"task." + std::string{domain::to_string(*next)}, "{}"}};
      if (domain::is_terminal(*next)) change.finished_at = change.at;
      if (action == domain::TaskAction::resume) {
        change.job = collect_job(task.id);
        change.reopen = task.status == domain::TaskStatus::failed;
      }
      store::TransitionResult result;
      services.store.write_together([&] {
        result = services.store.tasks().transition(task.id, change);
        if (result.outcome == store::TransitionResult::Outcome::applied)
          record_audit(services.store, request, principal, change.event.type, task.id);
      });
      using Outcome = store::TransitionResult::Outcome;
      if (result.outcome == Outcome::not_found) throw http::not_found("No task with this id.");
      task = std::move(*result.task);
      if (result.outcome == Outcome::applied) return http::envelope(request, 200, task_to_json(task));
    }
  });
}

// PATCH: JSON merge semantics over the fields a task lets change; a member given as null clears it. The
// webhook is taken out of the body first (webhook_input.hpp), the other fields are the task's own.
store::TaskUpdate read_task_update(const boost::json::object& body) {
  store::TaskUpdate update{.at = domain::now()};
  if (body.contains("name")) {
    FieldProblems problems;
    update.name = problems.optional_string(body, "name", domain::max_task_name_bytes);
    problems.throw_if_any();
  }
  if (const auto* schedule = body.if_contains("schedule")) update.schedule = parse_schedule(*schedule);
  return update;
}

// The response shows a webhook's new secret, once.
http::Response patch_task(Services& services, http::Request& request, const auth::Principal& principal) {
  return run_idempotently(request, principal.id, services.store.idempotency(), [&] {
    const auto task = visible_task(services, principal, request.path_param("id"));
    require_task_changer(principal, task);
    auto body = read_json_object(request, {"name", "schedule", "webhook"});
    const auto webhook = take_webhook(body, services.webhook_allow_private);
    const auto update = read_task_update(body);
    std::optional<domain::Task> updated;
    std::optional<std::string> secret;
    services.store.write_together([&] {
      updated = services.store.tasks().update(task.id, update, {"task.updated", "{}"});
      if (!updated) throw http::not_found("No task with this id.");
      if (webhook) secret = apply_webhook(services, *updated, *webhook);
      record_audit(services.store, request, principal, "task.updated", task.id);
    });
    return http::envelope(request, 200, task_json_with_secret(*updated, secret));
  });
}

// 202: the refresh runs as a job. Refused (409) unless the task has finished its collection: a queued,
// running or paused task is still collecting, a failed one needs resume, a canceled one stays stopped.
http::Response refresh_task(Services& services, http::Request& request, const auth::Principal& principal) {
  return run_idempotently(request, principal.id, services.store.idempotency(), [&] {
    auto task = visible_task(services, principal, request.path_param("id"));
    require_task_changer(principal, task);
    for (;;) {
      if (!domain::transition(task.status, domain::TaskAction::refresh))
        throw http::conflict(domain::transition_problem(task.status, domain::TaskAction::refresh));
      store::TransitionResult result;
      services.store.write_together([&] {
        result = start_refresh(services.store, task);
        if (result.outcome == store::TransitionResult::Outcome::applied)
          record_audit(services.store, request, principal, "task.refresh", task.id);
      });
      using Outcome = store::TransitionResult::Outcome;
      if (result.outcome == Outcome::not_found || !result.task) throw http::not_found("No task with this id.");
      task = std::move(*result.task);
      if (result.outcome == Outcome::applied) return http::envelope(request, 202, task_to_json(task));
    }
  });
}

http::Response delete_task(Services& services, http::Request& request, const auth::Principal& principal) {
  const auto task = visible_task(services, principal, request.path_param("id"));
  require_task_changer(principal, task);
  services.store.write_together([&] {
    if (!services.store.tasks().remove(task.id)) throw http::not_found("No task with this id.");
    record_audit(services.store, request, principal, "task.deleted", task.id);
  });
  return http::no_content();
}

}  // namespace

void add_task_routes(http::Router& router, Services& services) {
  router.add("POST", "/api/v1/tasks", authenticated(services, post_task));
  router.add("GET", "/api/v1/tasks", authenticated(services, list_tasks).taking({"status", "cursor", "limit"}));
  router.add("GET", "/api/v1/tasks/{id}", authenticated(services, get_task));
  router.add("PATCH", "/api/v1/tasks/{id}", authenticated(services, patch_task));
  router.add("DELETE", "/api/v1/tasks/{id}", authenticated(services, delete_task));
  router.add("POST", "/api/v1/tasks/{id}/refresh", authenticated(services, refresh_task));
  for (const auto action : {domain::TaskAction::pause, domain::TaskAction::resume, domain::TaskAction::cancel})
    router.add("POST", "/api/v1/tasks/{id}/" + std::string{domain::to_string(action)},
               authenticated(services, [action](Services& s, http::Request& r, const auth::Principal& p) {
                 return change_task(s, r, p, action);
               }));
}

}  // namespace vka::api
