#pragma once
// 204 No Content, the answer of deletions and other changes with nothing to show.
#include "http/message.hpp"

namespace vka::api {

inline http::Response no_content() {
  http::Response response;
  response.status = 204;
  return response;
}

}  // namespace vka::api
