#pragma once
// JSON text as every output of the service writes it (responses, NDJSON, the command line): like
// boost::json::serialize, except that floating-point numbers are written in plain decimal form
// (-0.612, 0, 1234.5), as a spreadsheet or a reader expects, instead of boost's -6.12E-1 and 0E0.
#include <boost/json/value.hpp>

#include <string>

namespace vka::http {

std::string to_json_text(const boost::json::value& value);

}  // namespace vka::http
