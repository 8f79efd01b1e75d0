#pragma once
// Progress as it is shown (API, events, the command line).
#include "domain/task.hpp"

namespace vka::domain {

// VK's comment counts lag behind new comments, so more can be collected than was expected: the expected
// count shown is never below the collected one. An estimate is shown only once something was collected
// and time remains.
TaskProgress as_shown(TaskProgress progress);

}  // namespace vka::domain
