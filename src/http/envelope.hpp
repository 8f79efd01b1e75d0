#pragma once
// The contract's response envelope: {"data": …, "meta": {"request_id": …}, "error": …}.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "http/api_error.hpp"
#include "http/message.hpp"

namespace vka::http {

// `meta` gets request_id added; pass extra members such as next_cursor or total.
Response envelope(const Request& request, int status, boost::json::value data, boost::json::object meta = {});

// An envelope's JSON text without its request id, the one part that differs between answers:
// the body is head + request_id_json(request) + tail, and head + tail is its entity (what its ETag is of).
struct EnvelopeText {
  std::string head;
  std::string tail;
};
EnvelopeText envelope_text(boost::json::value data, boost::json::object meta);
std::string request_id_json(const Request& request);
Response error_envelope(const Request& request, const ApiError& error);
// 204: done, nothing to say (DELETE, CORS preflight).
Response no_content();

inline constexpr std::string_view json_content_type = "application/json; charset=utf-8";

}  // namespace vka::http
