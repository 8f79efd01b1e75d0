#pragma once
// POST /api/v1/vk-tokens: the JSON body into a checked token request. Problems are reported by field
// and never quote the token.
#include <boost/json/object.hpp>

#include <cstddef>
#include <string>

#include "store/vk_token_repository.hpp"

namespace vka::api {

inline constexpr std::size_t max_vk_token_name_chars = 200;
inline constexpr std::size_t max_vk_token_chars = 512;

struct VkTokenInput {
  std::string name;
  std::string token;  // printable ASCII without spaces
  store::VkTokenKind kind = store::VkTokenKind::user;
};

// Throws 400 validation_failed listing every problem.
VkTokenInput parse_vk_token_input(const boost::json::object& body);

}  // namespace vka::api
