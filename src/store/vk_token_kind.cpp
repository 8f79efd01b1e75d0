#include "domain/enum_names.hpp"
#include "store/vk_token_repository.hpp"

namespace vka::store {

namespace {
constexpr auto kind_names = domain::enum_names<VkTokenKind>(
    {{VkTokenKind::user, "user"}, {VkTokenKind::service, "service"}, {VkTokenKind::community, "community"}});
}  // namespace

std::string_view to_string(VkTokenKind kind) { return kind_names.name(kind); }

std::optional<VkTokenKind> parse_vk_token_kind(std::string_view text) { return kind_names.parse(text); }

}  // namespace vka::store
