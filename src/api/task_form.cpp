#include "api/task_form.hpp"

#include <fmt/format.h>
#include <boost/json/array.hpp>

#include <algorithm>
#include <charconv>

#include "http/api_error.hpp"
#include "http/multipart.hpp"

namespace vka::api {

namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

// The first column of a CSV line, unquoted ("apiclub", "\"apiclub\",note" and "apiclub;x" all give apiclub).
std::string_view first_column(std::string_view line) {
  if (line.size() >= 2 && line.front() == '"') {
    const auto close = line.find('"', 1);
    if (close != std::string_view::npos) return line.substr(1, close - 1);
  }
  return trim(line.substr(0, line.find_first_of(",;\t")));
}

// A spreadsheet's header line: its first column is one of these words (any case), which no community's
// screen name, id or link can be.
bool is_header(std::string_view first_cell) {
  static constexpr std::string_view header_words[] = {"community",   "communities", "group", "groups", "id",
                                                      "screen_name", "url",         "link",  "name"};
  return std::any_of(std::begin(header_words), std::end(header_words), [&](std::string_view word) {
    return std::equal(word.begin(), word.end(), first_cell.begin(), first_cell.end(),
                      [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
  });
}

void read_groups_file(std::string_view data, TaskForm& form) {
  if (data.size() > max_groups_file_bytes)
    throw http::payload_too_large(fmt::format("groups_file is larger than {} bytes.", max_groups_file_bytes));
  if (data.starts_with("\xEF\xBB\xBF")) data.remove_prefix(3);
  boost::json::array groups;
  std::size_t line_number = 0;
  while (!data.empty()) {
    const auto end = data.find('\n');
    const auto line = trim(data.substr(0, end));
    data = end == std::string_view::npos ? std::string_view{} : data.substr(end + 1);
    if (++line_number > max_groups_file_lines)
      throw http::validation_failed(
          "groups_file has too many lines.",
          {{"groups_file", fmt::format("must have at most {} lines", max_groups_file_lines)}});
    if (line.empty() || line.front() == '#') continue;
    const auto cell = first_column(line);
    if (groups.empty() && is_header(cell)) continue;
    groups.emplace_back(cell);
    form.group_lines.push_back(line_number);
  }
  form.body["groups"] = std::move(groups);
}

boost::json::value form_value(std::string_view field, std::string_view text) {
  text = trim(text);
  if (field == "posts") {
    boost::json::array posts;
    std::string_view rest = text;
    while (!rest.empty()) {
      const auto end = rest.find_first_of(",\n\r\t ");
      if (const auto item = rest.substr(0, end); !item.empty()) posts.emplace_back(item);
      rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    }
    return posts;
  }
  if (text.empty()) return nullptr;
  if (field == "posts_per_group") {
    std::int64_t number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error == std::errc{} && end == text.data() + text.size()) return number;
    return boost::json::string{text};  // reported as "must be an integer" by the common validation
  }
  if (field == "schedule") return boost::json::object{{"every", text}};
  if (field == "threads") {
    if (text == "true" || text == "1" || text == "on") return true;
    if (text == "false" || text == "0" || text == "off") return false;
    return boost::json::string{text};
  }
  return boost::json::string{text};
}

// The form's webhook_url as the JSON body's webhook: {"url": …}, or null when empty.
boost::json::value webhook_form_value(std::string_view text) {
  text = trim(text);
  if (text.empty()) return nullptr;
  return boost::json::object{{"url", text}};
}

}  // namespace

bool is_multipart(const http::Request& request) {
  return http::multipart_boundary(request.headers.get("Content-Type").value_or("")).has_value();
}

TaskForm read_task_form(const http::Request& request) {
  const auto boundary = http::multipart_boundary(request.headers.get("Content-Type").value_or(""));
  const auto parsed = http::parse_multipart(request.body, *boundary);
  if (!parsed.error.empty()) throw http::validation_failed("The form is malformed: " + parsed.error + ".");
  static constexpr std::string_view known[] = {"groups_file", "name",       "posts",   "posts_per_group",
                                               "since",       "until",      "threads", "vk_token_id",
                                               "schedule",    "webhook_url"};
  TaskForm form;
  std::vector<http::ErrorDetail> problems;
  std::vector<std::string> seen;
  for (const auto& part : parsed.parts) {
    if (std::find(std::begin(known), std::end(known), part.name) == std::end(known)) {
      problems.push_back({part.name, "unknown field"});
    } else if (std::find(seen.begin(), seen.end(), part.name) != seen.end()) {
      problems.push_back({part.name, "given more than once"});
    } else if (part.name == "groups_file") {
      read_groups_file(part.data, form);
    } else if (part.name == "webhook_url") {
      form.body["webhook"] = webhook_form_value(part.data);
    } else {
      form.body[part.name] = form_value(part.name, part.data);
    }
    seen.push_back(part.name);
  }
  if (!problems.empty()) throw http::validation_failed("The form has fields this endpoint does not know.", problems);
  return form;
}

}  // namespace vka::api
