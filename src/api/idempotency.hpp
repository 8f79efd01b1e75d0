#pragma once
// Idempotency-Key on POST/PUT/PATCH, with the contract's semantics: same key + same request
// within 24 h replays the first response byte for byte; same key + different request is 422;
// same key while the first is still running is 409.
#include <functional>
#include <string_view>

#include "http/message.hpp"
#include "store/idempotency_repository.hpp"

namespace vka::api {

// Runs `handler` at most once per (owner, key). Without the header it simply runs it.
// Responses of 5xx (and exceptions other than client errors) are not remembered, so a retry runs again.
http::Response run_idempotently(http::Request& request, std::string_view owner,
                                store::IdempotencyRepository& repository,
                                const std::function<http::Response()>& handler);

bool is_valid_idempotency_key(std::string_view key);

}  // namespace vka::api
