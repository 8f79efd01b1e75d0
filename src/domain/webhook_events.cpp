#include "domain/webhook_events.hpp"

#include <algorithm>

namespace vka::domain {

bool is_webhook_event(std::string_view event_type) {
  return std::find(webhook_events.begin(), webhook_events.end(), event_type) != webhook_events.end();
}

}  // namespace vka::domain
