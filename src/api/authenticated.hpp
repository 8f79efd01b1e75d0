#pragma once
// Wraps a handler that needs the caller: the route is marked so that its credential is checked on
// the header (RequestGate), and the handler gets the principal.
#include "api/services.hpp"
#include "http/router.hpp"

namespace vka::api {

template <typename Handler>  // http::Response(Services&, http::Request&, const auth::Principal&)
http::Endpoint authenticated(Services& services, Handler handler, http::Cost cost = http::Cost::cheap) {
  return {[&services, handler](http::Request& request) {
            const auto principal = services.authenticator.authenticate(request);
            return handler(services, request, principal);
          },
          http::Access::credential, cost};
}

}  // namespace vka::api
