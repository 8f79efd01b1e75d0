#pragma once
// POST /api/v1/vk-tokens: the JSON body into a checked token request. Problems are reported by field
// and never quote the token.
#include <boost/json/object.hpp>

#include <cstddef>
#include <string>

#include "auth/vk_token_vault.hpp"

namespace vka::api {

inline constexpr std::size_t max_vk_token_name_chars = 200;
inline constexpr std::size_t max_vk_token_chars = 512;

// Throws 400 validation_failed listing every problem.
auth::NewVkToken parse_vk_token_input(const boost::json::object& body);

}  // namespace vka::api
