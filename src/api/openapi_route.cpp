#include "api/routes.hpp"
#include "embedded_file.hpp"

namespace vka::api {

namespace openapi_files {
std::span<const EmbeddedFile> embedded_files();
}

std::string_view openapi_document() { return openapi_files::embedded_files().front().bytes; }

void add_openapi_route(http::Router& router) {
  router.add("GET", "/api/v1/openapi.json", [](http::Request&) {
    http::Response response;
    response.headers.set("Content-Type", "application/json; charset=utf-8");
    response.body = std::string{openapi_document()};
    return response;
  });
}

}  // namespace vka::api
