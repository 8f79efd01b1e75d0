# The OpenAPI document is served as written; tests/unit/api checks it against the router.
vka_embed(vka_api vka::api::openapi_files ${PROJECT_SOURCE_DIR}/src/api/openapi/openapi.json)
target_link_libraries(vka_api PUBLIC OpenSSL::Crypto)
# The dashboard (web/) is built with npm and served from the binary: cmake/dashboard.cmake.
include(${PROJECT_SOURCE_DIR}/cmake/dashboard.cmake)
vka_dashboard(vka_api)
