#include "api/vk_token_json.hpp"

namespace vka::api {

boost::json::object vk_token_to_json(const store::VkToken& token) {
  return {{"id", token.id},
          {"name", token.name},
          {"kind", store::to_string(token.kind)},
          {"masked", token.masked},
          {"created_at", domain::format_rfc3339(token.created_at)}};
}

}  // namespace vka::api
