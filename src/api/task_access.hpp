#pragma once
// Which tasks a caller may see and change. Another analyst's task is "not found", never
// "forbidden": its existence does not leak.
#include <string_view>

#include "api/services.hpp"
#include "auth/principal.hpp"
#include "domain/task.hpp"

namespace vka::api {

// 404 unless the task exists and the caller may see it.
domain::Task visible_task(Services& services, const auth::Principal& principal, std::string_view id);
// 404 unless the caller may see the task with this id and owner (known to exist).
void require_visible(Services& services, const auth::Principal& principal, std::string_view id,
                     std::string_view owner);
// 403 for a task the caller may see but not change (viewers).
void require_task_changer(const auth::Principal& principal, const domain::Task& task);
// Whether list queries need no owner filter for this caller.
bool sees_every_task(const Services& services, const auth::Principal& principal);

}  // namespace vka::api
