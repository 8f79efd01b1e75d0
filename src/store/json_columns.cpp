#include "store/json_columns.hpp"

#include <boost/json.hpp>
#include <charconv>

#include "store/error.hpp"

namespace vka::store {

namespace json = boost::json;

namespace {

[[noreturn]] void corrupt(std::string_view what) {
  throw StoreError(StoreErrorKind::corrupt, "stored " + std::string(what) + " are malformed");
}

json::value encode_time(const std::optional<domain::Timestamp>& t) {
  if (!t) return nullptr;
  return json::string(domain::format_rfc3339(*t));
}

std::optional<domain::Timestamp> decode_time(const json::value& v) {
  if (v.is_null()) return std::nullopt;
  if (!v.is_string()) corrupt("task parameters");
  const auto parsed = domain::parse_rfc3339(v.get_string());
  if (!parsed) corrupt("task parameters");
  return parsed;
}

std::string format_post(const domain::PostRef& post) {
  return std::to_string(post.owner_id) + "_" + std::to_string(post.post_id);
}

domain::PostRef parse_post(std::string_view text) {
  const auto underscore = text.find('_', 1);
  domain::PostRef post;
  if (underscore == std::string_view::npos) corrupt("task parameters");
  const auto owner = std::from_chars(text.data(), text.data() + underscore, post.owner_id);
  const auto id = std::from_chars(text.data() + underscore + 1, text.data() + text.size(), post.post_id);
  if (owner.ec != std::errc{} || owner.ptr != text.data() + underscore || id.ec != std::errc{} ||
      id.ptr != text.data() + text.size())
    corrupt("task parameters");
  return post;
}

const json::object& as_object(const json::value& v, std::string_view what) {
  if (!v.is_object()) corrupt(what);
  return v.get_object();
}

const json::value& field(const json::object& object, std::string_view key) {
  const json::value* v = object.if_contains(key);
  if (!v) corrupt("task parameters");
  return *v;
}

json::value parse(std::string_view text, std::string_view what) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec) corrupt(what);
  return v;
}

std::string encode_strings(const std::vector<std::string>& strings) {
  json::array array;
  for (const std::string& item : strings) array.push_back(json::string(item));
  return json::serialize(array);
}

std::vector<std::string> decode_strings(std::string_view text, std::string_view what) {
  const json::value root = parse(text, what);
  if (!root.is_array()) corrupt(what);
  std::vector<std::string> strings;
  for (const json::value& item : root.get_array()) {
    if (!item.is_string()) corrupt(what);
    strings.emplace_back(item.get_string());
  }
  return strings;
}

}  // namespace

std::string encode_task_params(const domain::TaskParams& params) {
  json::array groups;
  for (const domain::GroupRef& group : params.groups)
    std::visit([&](const auto& value) { groups.emplace_back(value); }, group.value);
  json::array posts;
  for (const domain::PostRef& post : params.posts) posts.emplace_back(format_post(post));
  json::object object{
      {"groups", std::move(groups)},
      {"posts", std::move(posts)},
      {"posts_per_group", params.posts_per_group},
      {"since", encode_time(params.since)},
      {"until", encode_time(params.until)},
      {"threads", params.threads},
      {"vk_token_id", params.vk_token_id ? json::value(*params.vk_token_id) : json::value(nullptr)},
  };
  return json::serialize(object);
}

domain::TaskParams decode_task_params(std::string_view text) {
  constexpr std::string_view what = "task parameters";
  const json::value root = parse(text, what);
  const json::object& object = as_object(root, what);
  domain::TaskParams params;
  const json::value& groups = field(object, "groups");
  if (!groups.is_array()) corrupt(what);
  for (const json::value& group : groups.get_array()) {
    if (group.is_int64())
      params.groups.push_back({group.get_int64()});
    else if (group.is_string())
      params.groups.push_back({std::string(group.get_string())});
    else
      corrupt(what);
  }
  const json::value& posts = field(object, "posts");
  if (!posts.is_array()) corrupt(what);
  for (const json::value& post : posts.get_array()) {
    if (!post.is_string()) corrupt(what);
    params.posts.push_back(parse_post(post.get_string()));
  }
  const json::value& per_group = field(object, "posts_per_group");
  if (!per_group.is_int64()) corrupt(what);
  params.posts_per_group = static_cast<int>(per_group.get_int64());
  params.since = decode_time(field(object, "since"));
  params.until = decode_time(field(object, "until"));
  const json::value& threads = field(object, "threads");
  if (!threads.is_bool()) corrupt(what);
  params.threads = threads.get_bool();
  const json::value& token = field(object, "vk_token_id");
  if (token.is_string())
    params.vk_token_id = std::string(token.get_string());
  else if (!token.is_null())
    corrupt(what);
  return params;
}

std::string encode_headers(const HeaderList& headers) {
  json::array array;
  for (const auto& [name, value] : headers) array.push_back(json::array{json::string(name), json::string(value)});
  return json::serialize(array);
}

HeaderList decode_headers(std::string_view text) {
  constexpr std::string_view what = "response headers";
  const json::value root = parse(text, what);
  if (!root.is_array()) corrupt(what);
  HeaderList headers;
  for (const json::value& pair : root.get_array()) {
    if (!pair.is_array() || pair.get_array().size() != 2 || !pair.get_array()[0].is_string() ||
        !pair.get_array()[1].is_string())
      corrupt(what);
    headers.emplace_back(std::string(pair.get_array()[0].get_string()), std::string(pair.get_array()[1].get_string()));
  }
  return headers;
}

std::string encode_keywords(const std::vector<std::string>& keywords) { return encode_strings(keywords); }

std::vector<std::string> decode_keywords(std::string_view text) { return decode_strings(text, "comment keywords"); }

std::string encode_phrases(const std::vector<std::string>& phrases) { return encode_strings(phrases); }

std::vector<std::string> decode_phrases(std::string_view text) { return decode_strings(text, "comment phrases"); }

}  // namespace vka::store
