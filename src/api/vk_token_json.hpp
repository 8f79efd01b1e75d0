#pragma once
// A stored VK token in the contract's JSON shape: never the token, never its ciphertext, never the owner.
#include <boost/json/object.hpp>

#include "store/vk_token_repository.hpp"

namespace vka::api {

// {"id", "name", "kind", "masked", "created_at"}
boost::json::object vk_token_to_json(const store::VkToken& token);

}  // namespace vka::api
