#pragma once
// A task member that is null or an object of exactly one string field: schedule {"every": "6h"},
// webhook {"url": "https://…"}.
#include <boost/json/string.hpp>
#include <boost/json/value.hpp>

#include <string_view>

namespace vka::api {

// nullptr for null, else the field's string. Throws validation_failed ("The <member> is not valid.") naming
// `member` when it is no object (`object_hint`), names another field, or lacks a string field (`field_hint`).
const boost::json::string* single_string_field(const boost::json::value& value, std::string_view member,
                                               std::string_view field, std::string_view object_hint,
                                               std::string_view field_hint);

}  // namespace vka::api
