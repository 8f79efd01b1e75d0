#pragma once
// The JSON of users, API keys and audit entries, as the v1 API shows them (never a hash or a secret).
#include <boost/json/object.hpp>

#include <optional>

#include "store/api_key_repository.hpp"
#include "store/audit_repository.hpp"
#include "store/user_repository.hpp"

namespace vka::api {

boost::json::object user_to_json(const store::User& user);
// `owner` is shown to admins, who list everyone's keys.
boost::json::object api_key_to_json(const store::ApiKey& key, bool with_owner);
boost::json::object audit_entry_to_json(const store::AuditEntry& entry);

}  // namespace vka::api
