#include "domain/enum_names.hpp"
#include "store/collection_repository.hpp"

namespace vka::store {

namespace {
constexpr auto link_status_names = domain::enum_names<LinkStatus>({{LinkStatus::pending, "pending"},
                                                                   {LinkStatus::running, "running"},
                                                                   {LinkStatus::done, "done"},
                                                                   {LinkStatus::skipped, "skipped"},
                                                                   {LinkStatus::failed, "failed"}});
}  // namespace

std::string_view to_string(LinkStatus status) { return link_status_names.name(status); }

std::optional<LinkStatus> parse_link_status(std::string_view text) { return link_status_names.parse(text); }

bool is_final(LinkStatus status) {
  return status == LinkStatus::done || status == LinkStatus::skipped || status == LinkStatus::failed;
}

}  // namespace vka::store
