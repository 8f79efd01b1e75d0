#include "store/collection_repository.hpp"

namespace vka::store {

std::string_view to_string(LinkStatus status) {
  switch (status) {
    case LinkStatus::running: return "running";
    case LinkStatus::done: return "done";
    case LinkStatus::skipped: return "skipped";
    case LinkStatus::failed: return "failed";
    case LinkStatus::pending: break;
  }
  return "pending";
}

std::optional<LinkStatus> parse_link_status(std::string_view text) {
  for (LinkStatus s :
       {LinkStatus::pending, LinkStatus::running, LinkStatus::done, LinkStatus::skipped, LinkStatus::failed})
    if (to_string(s) == text) return s;
  return std::nullopt;
}

bool is_final(LinkStatus status) {
  return status == LinkStatus::done || status == LinkStatus::skipped || status == LinkStatus::failed;
}

}  // namespace vka::store
