#pragma once
// The contract's response envelope: {"data": …, "meta": {"request_id": …}, "error": …}.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "http/api_error.hpp"
#include "http/message.hpp"

namespace vka::http {

// `meta` gets request_id added; pass extra members such as next_cursor or total.
Response envelope(const Request& request, int status, boost::json::value data, boost::json::object meta = {});
Response error_envelope(const Request& request, const ApiError& error);
// 204: done, nothing to say (DELETE, CORS preflight).
Response no_content();

inline constexpr std::string_view json_content_type = "application/json; charset=utf-8";

}  // namespace vka::http
