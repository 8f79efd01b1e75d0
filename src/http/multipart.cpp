#include "http/multipart.hpp"

#include "http/message.hpp"

namespace vka::http {

namespace {

// The value of `name` among "; name=value" parameters (quoted or not).
std::optional<std::string> parameter(std::string_view params, std::string_view name) {
  while (!params.empty()) {
    const auto semicolon = params.find(';');
    auto item = trim_blanks(params.substr(0, semicolon));
    params = semicolon == std::string_view::npos ? std::string_view{} : params.substr(semicolon + 1);
    const auto equals = item.find('=');
    if (equals == std::string_view::npos || !iequals(trim_blanks(item.substr(0, equals)), name)) continue;
    auto value = trim_blanks(item.substr(equals + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      std::string unquoted;
      for (std::size_t i = 1; i + 1 < value.size(); ++i) {
        if (value[i] == '\\' && i + 2 < value.size()) ++i;
        unquoted += value[i];
      }
      return unquoted;
    }
    return std::string{value};
  }
  return std::nullopt;
}

// Parses the header block of one part into `part`; returns a problem or "".
std::string read_part_headers(std::string_view headers, FormPart& part) {
  bool has_disposition = false;
  part.content_type = "text/plain";
  while (!headers.empty()) {
    const auto end = headers.find("\r\n");
    const auto line = headers.substr(0, end);
    headers = end == std::string_view::npos ? std::string_view{} : headers.substr(end + 2);
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) return "a part header has no colon";
    const auto name = trim_blanks(line.substr(0, colon));
    const auto value = trim_blanks(line.substr(colon + 1));
    if (iequals(name, "Content-Disposition")) {
      const auto semicolon = value.find(';');
      if (!iequals(trim_blanks(value.substr(0, semicolon)), "form-data")) return "a part is not form-data";
      if (semicolon == std::string_view::npos) return "a part has no field name";
      auto field = parameter(value.substr(semicolon + 1), "name");
      if (!field || field->empty()) return "a part has no field name";
      part.name = std::move(*field);
      part.filename = parameter(value.substr(semicolon + 1), "filename");
      has_disposition = true;
    } else if (iequals(name, "Content-Type")) {
      part.content_type = std::string{value};
    }
  }
  return has_disposition ? "" : "a part has no Content-Disposition";
}

}  // namespace

std::optional<std::string> multipart_boundary(std::string_view content_type) {
  const auto semicolon = content_type.find(';');
  if (!iequals(trim_blanks(content_type.substr(0, semicolon)), "multipart/form-data") ||
      semicolon == std::string_view::npos)
    return std::nullopt;
  auto boundary = parameter(content_type.substr(semicolon + 1), "boundary");
  if (!boundary || boundary->empty() || boundary->size() > 70) return std::nullopt;
  return boundary;
}

MultipartResult parse_multipart(std::string_view body, std::string_view boundary) {
  MultipartResult result;
  const std::string delimiter = "--" + std::string{boundary};
  auto fail = [&](std::string problem) {
    result.parts.clear();
    result.error = std::move(problem);
    return result;
  };
  // The preamble before the first delimiter is ignored (RFC 2046).
  auto position = body.find(delimiter);
  if (position == std::string_view::npos) return fail("the body has no part with the declared boundary");
  position += delimiter.size();
  const std::string separator = "\r\n" + delimiter;
  for (;;) {
    if (body.substr(position, 2) == "--") return result;  // the closing delimiter
    if (body.substr(position, 2) != "\r\n") return fail("a boundary line is malformed");
    position += 2;
    const auto headers_end = body.find("\r\n\r\n", position);
    const auto empty_headers = body.substr(position, 2) == "\r\n";
    if (headers_end == std::string_view::npos && !empty_headers) return fail("a part's headers do not end");
    FormPart part;
    const auto headers = empty_headers ? std::string_view{} : body.substr(position, headers_end - position);
    if (auto problem = read_part_headers(headers, part); !problem.empty()) return fail(problem);
    position = empty_headers ? position + 2 : headers_end + 4;
    const auto data_end = body.find(separator, position);
    if (data_end == std::string_view::npos) return fail("the body ends before the closing boundary");
    part.data = std::string{body.substr(position, data_end - position)};
    result.parts.push_back(std::move(part));
    position = data_end + separator.size();
  }
}

}  // namespace vka::http
