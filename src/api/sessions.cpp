#include "api/sessions.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "http/cookies.hpp"

namespace vka::api {

namespace {

constexpr std::chrono::seconds touch_resolution{60};

std::optional<std::string_view> session_id_of(const http::Request& request) {
  auto id = http::cookie(request, session_cookie_name);
  if (id && id->empty()) return std::nullopt;
  return id;
}

}  // namespace

Sessions::Sessions(store::Store& store, const auth::SecretKey& master_key, SessionSettings settings)
    : store_(store), keys_(master_key), settings_(settings) {}

OpenedSession Sessions::open(std::string_view user_id, domain::Timestamp now) {
  store_.sessions().remove_ended(now, now - settings_.idle);
  auto id = auth::generate_session_id();
  const store::Session session{keys_.id_hash(id), std::string(user_id), now, now, now + settings_.max_age};
  store_.sessions().create(session);
  auto csrf_token = keys_.csrf_token(id);
  return {std::move(id), std::move(csrf_token), ends_at(session)};
}

std::optional<LiveSession> Sessions::resume(const http::Request& request, domain::Timestamp now) {
  const auto id = session_id_of(request);
  if (!id) return std::nullopt;
  const auto id_hash = keys_.id_hash(*id);
  auto session = store_.sessions().find_live(id_hash, now, now - settings_.idle);
  if (!session) return std::nullopt;
  auto user = store_.users().get(session->user_id);
  if (!user || user->disabled) return std::nullopt;
  if (now - session->last_seen_at >= touch_resolution) {
    store_.sessions().touch(id_hash, now);
    session->last_seen_at = now;
  }
  return LiveSession{id_hash, std::move(*user), ends_at(*session)};
}

std::string Sessions::csrf_token(const http::Request& request) const {
  const auto id = session_id_of(request);
  return id ? keys_.csrf_token(*id) : std::string{};
}

bool Sessions::csrf_matches(const http::Request& request, std::string_view presented) const {
  const auto id = session_id_of(request);
  return id && keys_.csrf_matches(*id, presented);
}

std::string Sessions::cookie_for(const OpenedSession& session) const {
  return fmt::format("{}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Strict{}", session_cookie_name, session.id,
                     settings_.max_age.count(), settings_.secure_cookie ? "; Secure" : "");
}

std::string Sessions::cleared_cookie() const {
  return fmt::format("{}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict{}", session_cookie_name,
                     settings_.secure_cookie ? "; Secure" : "");
}

domain::Timestamp Sessions::ends_at(const store::Session& session) const {
  return std::min(session.last_seen_at + settings_.idle, session.expires_at);
}

}  // namespace vka::api
