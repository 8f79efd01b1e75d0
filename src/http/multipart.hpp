#pragma once
// multipart/form-data bodies (RFC 7578): the parts of a form, with their field names,
// file names and bytes. Strict: anything malformed is an error, never a partial result.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vka::http {

struct FormPart {
  std::string name;
  std::optional<std::string> filename;
  std::string content_type;  // "text/plain" when the part does not say
  std::string data;
};

struct MultipartResult {
  std::vector<FormPart> parts;
  std::string error;  // empty on success
};

// The boundary parameter of a multipart/form-data Content-Type, if it is one.
std::optional<std::string> multipart_boundary(std::string_view content_type);
MultipartResult parse_multipart(std::string_view body, std::string_view boundary);

}  // namespace vka::http
