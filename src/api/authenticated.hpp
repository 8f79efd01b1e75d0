#pragma once
// Wraps a handler that needs the caller: 401 before it runs when there is no valid credential.
#include "api/services.hpp"
#include "http/router.hpp"

namespace vka::api {

template <typename Handler>  // http::Response(Services&, http::Request&, const auth::Principal&)
http::Handler authenticated(Services& services, Handler handler) {
  return [&services, handler](http::Request& request) {
    const auto principal = services.authenticator.authenticate(request);
    return handler(services, request, principal);
  };
}

}  // namespace vka::api
