#include "api/account_json.hpp"

namespace vka::api {

namespace {

boost::json::value optional_time(const std::optional<domain::Timestamp>& at) {
  if (!at) return nullptr;
  return boost::json::string(domain::format_rfc3339(*at));
}

}  // namespace

boost::json::object user_to_json(const store::User& user) {
  return {{"id", user.id},
          {"username", user.username},
          {"display_name", user.display_name},
          {"role", domain::to_string(user.role)},
          {"disabled", user.disabled},
          {"must_change_password", user.must_change_password},
          {"created_at", domain::format_rfc3339(user.created_at)},
          {"last_login_at", optional_time(user.last_login_at)}};
}

boost::json::object api_key_to_json(const store::ApiKey& key, bool with_owner) {
  boost::json::object json{{"id", key.id},
                           {"name", key.name},
                           {"role", domain::to_string(key.role)},
                           {"created_at", domain::format_rfc3339(key.created_at)},
                           {"expires_at", optional_time(key.expires_at)},
                           {"last_used_at", optional_time(key.last_used_at)}};
  if (with_owner) json["owner"] = key.owner_id ? boost::json::value(*key.owner_id) : boost::json::value(nullptr);
  return json;
}

boost::json::object audit_entry_to_json(const store::AuditEntry& entry) {
  return {{"id", entry.id},
          {"at", domain::format_rfc3339(entry.at)},
          {"actor", {{"type", entry.actor_type}, {"id", entry.actor_id}}},
          {"action", entry.action},
          {"target", entry.target},
          {"address", entry.address},
          {"request_id", entry.request_id}};
}

}  // namespace vka::api
