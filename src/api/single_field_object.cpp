#include "api/single_field_object.hpp"

#include <string>

#include "http/api_error.hpp"

namespace vka::api {

const boost::json::string* single_string_field(const boost::json::value& value, std::string_view member,
                                               std::string_view field, std::string_view object_hint,
                                               std::string_view field_hint) {
  if (value.is_null()) return nullptr;
  const std::string title = "The " + std::string(member) + " is not valid.";
  const auto* object = value.if_object();
  if (object == nullptr) throw http::validation_failed(title, {{std::string(member), std::string(object_hint)}});
  for (const auto& given : *object)
    if (given.key() != field)
      throw http::validation_failed(title, {{std::string(member) + "." + std::string(given.key()), "unknown field"}});
  const auto* text = object->if_contains(field);
  if (text == nullptr || !text->is_string())
    throw http::validation_failed(title, {{std::string(member) + "." + std::string(field), std::string(field_hint)}});
  return &text->get_string();
}

}  // namespace vka::api
