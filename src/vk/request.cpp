#include "vk/request.hpp"

#include <stdexcept>

namespace vka::vk {

namespace {

void check_range(std::string_view what, std::int64_t value, std::int64_t low, std::int64_t high) {
  if (value < low || value > high) {
    throw std::invalid_argument(std::string(what) + " must be in " + std::to_string(low) + ".." + std::to_string(high) +
                                ", got " + std::to_string(value));
  }
}

void check_list(std::string_view what, std::size_t size, std::size_t max) {
  if (size == 0 || size > max) {
    throw std::invalid_argument(std::string(what) + " must hold 1.." + std::to_string(max) + " entries, got " +
                                std::to_string(size));
  }
}

template <class Range, class Format>
std::string join(const Range& items, Format&& format) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ',';
    out += format(item);
  }
  return out;
}

bool is_unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

void append_form_encoded(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (const unsigned char c : text) {
    if (is_unreserved(c)) {
      out += static_cast<char>(c);
    } else if (c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
}

void append_pair(std::string& out, std::string_view key, std::string_view value) {
  if (!out.empty()) out += '&';
  append_form_encoded(out, key);
  out += '=';
  append_form_encoded(out, value);
}

}  // namespace

Request wall_get(std::int64_t owner_id, std::int64_t offset, int count) {
  check_range("wall.get offset", offset, 0, INT64_MAX);
  check_range("wall.get count", count, 1, kMaxPageCount);
  return {"wall.get",
          {{"owner_id", std::to_string(owner_id)},
           {"offset", std::to_string(offset)},
           {"count", std::to_string(count)},
           {"extended", "1"}}};
}

Request wall_get_by_id(std::span<const std::pair<std::int64_t, std::int64_t>> owner_and_post_ids) {
  check_list("wall.getById posts", owner_and_post_ids.size(), kMaxPostsById);
  return {"wall.getById",
          {{"posts", join(owner_and_post_ids,
                          [](const auto& p) { return std::to_string(p.first) + "_" + std::to_string(p.second); })},
           {"extended", "1"}}};
}

Request wall_get_comments(const CommentsQuery& query) {
  check_range("wall.getComments count", query.count, 1, kMaxPageCount);
  check_range("wall.getComments thread_items_count", query.thread_items_count, 0, kMaxThreadItemsCount);
  if (!query.start_comment_id) check_range("wall.getComments offset", query.offset, 0, INT64_MAX);
  Request request{"wall.getComments",
                  {{"owner_id", std::to_string(query.owner_id)}, {"post_id", std::to_string(query.post_id)}}};
  auto& p = request.params;
  if (query.comment_id) p.emplace_back("comment_id", std::to_string(*query.comment_id));
  if (query.start_comment_id) p.emplace_back("start_comment_id", std::to_string(*query.start_comment_id));
  p.emplace_back("offset", std::to_string(query.offset));
  p.emplace_back("count", std::to_string(query.count));
  p.emplace_back("sort", "asc");
  p.emplace_back("need_likes", "1");
  p.emplace_back("preview_length", "0");
  p.emplace_back("extended", "1");
  if (!query.comment_id) p.emplace_back("thread_items_count", std::to_string(query.thread_items_count));
  return request;
}

Request groups_get_by_id(std::span<const std::string> ids_or_screen_names, std::string_view fields) {
  check_list("groups.getById group_ids", ids_or_screen_names.size(), kMaxGroupIds);
  Request request{"groups.getById", {{"group_ids", join(ids_or_screen_names, [](const std::string& s) { return s; })}}};
  if (!fields.empty()) request.params.emplace_back("fields", std::string(fields));
  return request;
}

Request users_get(std::span<const std::int64_t> user_ids) {
  check_list("users.get user_ids", user_ids.size(), kMaxUserIds);
  return {"users.get", {{"user_ids", join(user_ids, [](std::int64_t id) { return std::to_string(id); })}}};
}

Request resolve_screen_name(std::string_view screen_name) {
  if (screen_name.empty()) throw std::invalid_argument("utils.resolveScreenName needs a screen name");
  return {"utils.resolveScreenName", {{"screen_name", std::string(screen_name)}}};
}

std::string form_body(const Request& request, std::string_view access_token, std::string_view version) {
  std::string body;
  for (const auto& [key, value] : request.params) append_pair(body, key, value);
  append_pair(body, "access_token", access_token);
  append_pair(body, "v", version);
  return body;
}

std::string method_url(std::string_view base_url, const Request& request) {
  std::string url(base_url);
  if (url.empty() || url.back() != '/') url += '/';
  return url + request.method;
}

std::string describe(const Request& request) {
  constexpr std::size_t kMaxValue = 80;
  std::string out = request.method;
  for (const auto& [key, value] : request.params) {
    out += ' ';
    out += key;
    out += '=';
    if (value.size() <= kMaxValue) {
      out += value;
    } else {
      out.append(value, 0, kMaxValue);
      out += "…(" + std::to_string(value.size()) + " bytes)";
    }
  }
  return out;
}

}  // namespace vka::vk
