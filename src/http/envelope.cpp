#include "http/envelope.hpp"

#include <stdexcept>

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

EnvelopeText envelope_text(boost::json::value data, boost::json::object meta) {
  // request_id goes last in meta and error last in the envelope, so the text ends with the id's value then
  // the closing part below; null holds the id's place.
  static constexpr std::string_view id_and_rest = "null},\"error\":null}";
  meta["request_id"] = nullptr;
  auto text =
      to_json_text(boost::json::object{{"data", std::move(data)}, {"meta", std::move(meta)}, {"error", nullptr}});
  if (!text.ends_with(id_and_rest)) throw std::logic_error("an envelope's meta must not set request_id");
  text.resize(text.size() - id_and_rest.size());
  return {std::move(text), std::string{id_and_rest.substr(4)}};
}

std::string request_id_json(const Request& request) { return to_json_text(boost::json::string(request.request_id)); }

Response envelope(const Request& request, int status, boost::json::value data, boost::json::object meta) {
  auto [head, tail] = envelope_text(std::move(data), std::move(meta));
  Response response;
  response.status = status;
  response.headers.set("Content-Type", std::string{json_content_type});
  response.body = head + request_id_json(request) + tail;
  response.entity = std::move(head) + tail;
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
