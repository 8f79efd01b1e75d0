#pragma once
// Browser sessions: opened by signing in, carried by the vka_session cookie, ended by signing out, by
// idleness or by their absolute age. The store knows a session only by the keyed hash of its id.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "auth/session_keys.hpp"
#include "domain/time.hpp"
#include "http/message.hpp"
#include "store/store.hpp"

namespace vka::api {

inline constexpr std::string_view session_cookie_name = "vka_session";

struct SessionSettings {
  std::chrono::seconds idle = std::chrono::hours{12};
  std::chrono::seconds max_age = std::chrono::hours{24 * 7};
  bool secure_cookie = false;  // the server speaks TLS: browsers send the cookie only over it
};

struct OpenedSession {
  std::string id;  // for the cookie only; never stored, logged or put in a body
  std::string csrf_token;
  domain::Timestamp expires_at;  // when it ends if left unused
};

struct LiveSession {
  std::string id_hash;
  store::User user;
  domain::Timestamp expires_at;  // when it ends if left unused from now on
};

class Sessions {
 public:
  Sessions(store::Store& store, const auth::SecretKey& master_key, SessionSettings settings);

  // A new session for the user. Call it inside the write that records the sign-in.
  OpenedSession open(std::string_view user_id, domain::Timestamp now);
  // The session the request's cookie names, while it lives and its user is enabled; its idle clock restarts
  // (written at most once a minute).
  std::optional<LiveSession> resume(const http::Request& request, domain::Timestamp now);
  // The CSRF token of the request's session (empty without a cookie) and whether `presented` is it.
  std::string csrf_token(const http::Request& request) const;
  bool csrf_matches(const http::Request& request, std::string_view presented) const;

  // Set-Cookie values that set or clear the session cookie.
  std::string cookie_for(const OpenedSession& session) const;
  std::string cleared_cookie() const;

  const SessionSettings& settings() const { return settings_; }

 private:
  domain::Timestamp ends_at(const store::Session& session) const;

  store::Store& store_;
  auth::SessionKeys keys_;
  SessionSettings settings_;
};

}  // namespace vka::api
