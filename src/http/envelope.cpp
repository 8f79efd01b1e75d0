#include "http/envelope.hpp"

#include "http/json_text.hpp"

namespace vka::http {

namespace {

Response json_response(int status, const boost::json::object& body) {
  Response response;
  response.status = status;
  response.headers.set("Content-Type", std::string{json_content_type});
  response.body = to_json_text(body);
  return response;
}

}  // namespace

Response envelope(const Request& request, int status, boost::json::value data, boost::json::object meta) {
  boost::json::object body{{"data", std::move(data)}, {"meta", std::move(meta)}, {"error", nullptr}};
  auto entity = to_json_text(body);
  body["meta"].as_object()["request_id"] = request.request_id;
  auto response = json_response(status, body);
  response.entity = std::move(entity);
  return response;
}

Response no_content() {
  Response response;
  response.status = 204;
  return response;
}

Response error_envelope(const Request& request, const ApiError& error) {
  boost::json::object body_error{{"code", error.code()}, {"message", error.what()}};
  if (!error.details().empty()) {
    boost::json::array details;
    for (const auto& detail : error.details())
      details.push_back({{"field", detail.field}, {"problem", detail.problem}});
    body_error["details"] = std::move(details);
  }
  auto response = json_response(
      error.status(),
      {{"data", nullptr}, {"meta", {{"request_id", request.request_id}}}, {"error", std::move(body_error)}});
  for (const auto& [name, value] : error.headers) response.headers.set(name, value);
  return response;
}

}  // namespace vka::http
