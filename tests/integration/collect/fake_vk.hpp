#pragma once
// A tiny in-memory VK for the collector's integration tests: communities, walls and comment trees in
// VK's JSON shapes, served through vk::HttpTransport, with `execute` scripts as execute_code() writes
// them. It counts what it served and can stop the job after a number of requests.
#include <boost/json.hpp>

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "vk/transport.hpp"

namespace vka::collect::testing {

namespace json = boost::json;

struct FakeComment {
  std::int64_t id = 0;
  std::int64_t from_id = 0;
  std::string text;
  bool deleted = false;
  std::vector<FakeComment> replies;  // one level: replies of a top-level comment
};

struct FakePost {
  std::int64_t id = 0;
  std::int64_t date = 0;
  bool pinned = false;
  bool comments_closed = false;
  std::int64_t closed_count = 0;  // comments.count VK shows for a closed post
  std::vector<FakeComment> comments;
  std::int64_t total_comments() const {
    if (comments_closed) return closed_count;
    std::int64_t n = 0;
    for (const auto& c : comments) n += 1 + static_cast<std::int64_t>(c.replies.size());
    return n;
  }
};

struct FakeCommunity {
  std::int64_t id = 0;
  std::string name;
  std::string screen_name;
  int is_closed = 0;
  std::optional<std::string> deactivated;
  std::optional<int> wall_error;  // wall.get answers this error code
  std::vector<FakePost> wall;     // as wall.get orders it: pinned first, then newest first
};

class FakeVk final : public vk::HttpTransport {
 public:
  std::vector<FakeCommunity> communities;
  std::atomic<bool>* stop_flag = nullptr;  // set after stop_after requests
  int stop_after = -1;
  // Called once, right after the request numbered `hook_at` was answered (a crash at that instant).
  std::function<void()> hook;
  int hook_at = -1;
  // While set, every request is refused as a stopped server refuses connections (still counted as sent).
  std::atomic<bool> unreachable{false};

  domain::Result<vk::HttpResponse, vk::TransportError> post(std::string_view url, std::string_view body) override {
    if (unreachable) {
      std::lock_guard guard(mutex_);
      ++requests_;
      return domain::unexpected(
          vk::TransportError{vk::TransportError::Kind::connect, "connect to vk.test failed: Connection refused"});
    }
    auto response = answer(url, body);
    if (hook && requests() == hook_at) std::exchange(hook, nullptr)();
    return response;
  }

  vk::HttpResponse answer(std::string_view url, std::string_view body) {
    std::lock_guard guard(mutex_);
    ++requests_;
    if (stop_flag && stop_after >= 0 && requests_ >= stop_after) *stop_flag = true;
    const std::string method(url.substr(url.rfind('/') + 1));
    const auto params = decode_form(body);
    ++requests_by_token_[params.count("access_token") ? params.at("access_token") : ""];
    json::object envelope;
    if (method == "execute") {
      run_script(params.at("code"), envelope);
    } else {
      ++calls_[method];
      json::value result;
      if (auto error = call(method, params, result)) {
        envelope["error"] = json::object{{"error_code", *error}, {"error_msg", "fake error"}};
      } else {
        envelope["response"] = std::move(result);
      }
    }
    return vk::HttpResponse{200, json::serialize(envelope)};
  }

  int requests() const {
    std::lock_guard guard(mutex_);
    return requests_;
  }
  // Requests sent with one access token.
  int requests_with(const std::string& token) const {
    std::lock_guard guard(mutex_);
    const auto it = requests_by_token_.find(token);
    return it == requests_by_token_.end() ? 0 : it->second;
  }
  int calls(const std::string& method) const {
    std::lock_guard guard(mutex_);
    const auto it = calls_.find(method);
    return it == calls_.end() ? 0 : it->second;
  }

 private:
  using Params = std::map<std::string, std::string>;

  static Params decode_form(std::string_view body) {
    Params out;
    std::size_t start = 0;
    while (start <= body.size()) {
      std::size_t end = body.find('&', start);
      if (end == std::string_view::npos) end = body.size();
      const std::string_view pair = body.substr(start, end - start);
      const std::size_t eq = pair.find('=');
      if (eq != std::string_view::npos) out[unescape(pair.substr(0, eq))] = unescape(pair.substr(eq + 1));
      start = end + 1;
    }
    return out;
  }

  static std::string unescape(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '+') {
        out += ' ';
      } else if (text[i] == '%' && i + 2 < text.size()) {
        out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
        i += 2;
      } else {
        out += text[i];
      }
    }
    return out;
  }

  void run_script(const std::string& code, json::object& envelope) {
    if (code == "return 1;") {
      envelope["response"] = 1;
      return;
    }
    json::array results;
    json::array errors;
    for (std::size_t at = code.find("API."); at != std::string::npos; at = code.find("API.", at + 1)) {
      const std::size_t open = code.find('(', at);
      const std::size_t close = code.find("})", open);
      const std::string method = code.substr(at + 4, open - at - 4);
      Params params;
      const json::value args = json::parse(code.substr(open + 1, close - open));
      for (const auto& [key, value] : args.as_object())
        params[std::string(key)] = value.is_string() ? std::string(value.as_string()) : json::serialize(value);
      ++calls_[method];
      json::value result;
      if (auto error = call(method, params, result)) {
        results.emplace_back(false);
        errors.emplace_back(json::object{{"method", method}, {"error_code", *error}, {"error_msg", "fake error"}});
      } else {
        results.push_back(std::move(result));
      }
    }
    envelope["response"] = std::move(results);
    if (!errors.empty()) envelope["execute_errors"] = std::move(errors);
  }

  static std::int64_t number(const Params& p, const std::string& key, std::int64_t fallback = 0) {
    const auto it = p.find(key);
    return it == p.end() ? fallback : std::stoll(it->second);
  }

  const FakeCommunity* community(std::int64_t id) const {
    for (const auto& c : communities)
      if (c.id == id) return &c;
    return nullptr;
  }

  const FakePost* find_post(std::int64_t owner_id, std::int64_t post_id) const {
    const FakeCommunity* c = community(-owner_id);
    if (c == nullptr) return nullptr;
    for (const auto& p : c->wall)
      if (p.id == post_id) return &p;
    return nullptr;
  }

  static json::object post_json(std::int64_t owner_id, const FakePost& p) {
    return {{"id", p.id},
            {"owner_id", owner_id},
            {"from_id", owner_id},
            {"date", p.date},
            {"text", "post " + std::to_string(p.id)},
            {"is_pinned", p.pinned ? 1 : 0},
            {"comments", json::object{{"count", p.total_comments()}}},
            {"likes", json::object{{"count", 3}}},
            {"reposts", json::object{{"count", 1}}}};
  }

  static json::object comment_json(std::int64_t owner_id, std::int64_t post_id, const FakeComment& c,
                                   std::optional<std::int64_t> root) {
    json::object o{{"id", c.id}, {"owner_id", owner_id}, {"post_id", post_id}, {"date", 1'700'000'000 + c.id}};
    if (c.deleted) {
      o["deleted"] = true;
      o["text"] = "";
      o["from_id"] = 0;
    } else {
      o["from_id"] = c.from_id;
      o["text"] = c.text;
      o["likes"] = json::object{{"count", 1}};
    }
    o["parents_stack"] = root ? json::array{*root} : json::array{};
    if (root) o["reply_to_comment"] = *root;
    return o;
  }

  static void add_profiles(json::object& response, const std::vector<std::int64_t>& authors) {
    json::array profiles;
    for (std::int64_t id : authors)
      if (id > 0)
        profiles.emplace_back(json::object{{"id", id}, {"first_name", "User"}, {"last_name", std::to_string(id)}});
    response["profiles"] = std::move(profiles);
    response["groups"] = json::array{};
  }

  // The result of one API call, or its VK error code.
  std::optional<int> call(const std::string& method, const Params& p, json::value& out) {
    if (method == "utils.resolveScreenName") {
      for (const auto& c : communities) {
        if (c.screen_name == p.at("screen_name")) {
          out = json::object{{"type", "group"}, {"object_id", c.id}};
          return std::nullopt;
        }
      }
      out = json::array{};
      return std::nullopt;
    }
    if (method == "groups.getById") {
      json::array groups;
      std::string ids = p.at("group_ids");
      for (std::size_t start = 0; start < ids.size();) {
        std::size_t end = ids.find(',', start);
        if (end == std::string::npos) end = ids.size();
        if (const FakeCommunity* c = community(std::stoll(ids.substr(start, end - start)))) {
          json::object g{{"id", c->id},
                         {"name", c->name},
                         {"screen_name", c->screen_name},
                         {"is_closed", c->is_closed},
                         {"type", "group"}};
          if (c->deactivated) g["deactivated"] = *c->deactivated;
          groups.push_back(std::move(g));
        }
        start = end + 1;
      }
      out = json::object{{"groups", std::move(groups)}, {"profiles", json::array{}}};
      return std::nullopt;
    }
    if (method == "wall.get") {
      const std::int64_t owner_id = number(p, "owner_id");
      const FakeCommunity* c = community(-owner_id);
      if (c == nullptr) return 100;
      if (c->wall_error) return *c->wall_error;
      const std::int64_t offset = number(p, "offset");
      const std::int64_t count = number(p, "count", 20);
      json::array items;
      for (std::int64_t i = offset; i < offset + count && i < static_cast<std::int64_t>(c->wall.size()); ++i)
        items.push_back(post_json(owner_id, c->wall[static_cast<std::size_t>(i)]));
      json::object response{{"count", c->wall.size()}, {"items", std::move(items)}};
      add_profiles(response, {});
      out = std::move(response);
      return std::nullopt;
    }
    if (method == "wall.getById") {
      json::array items;
      const std::string& list = p.at("posts");
      for (std::size_t start = 0; start < list.size();) {
        std::size_t end = list.find(',', start);
        if (end == std::string::npos) end = list.size();
        const std::string ref = list.substr(start, end - start);
        const std::size_t underscore = ref.find('_');
        const std::int64_t owner_id = std::stoll(ref.substr(0, underscore));
        if (const FakePost* post = find_post(owner_id, std::stoll(ref.substr(underscore + 1))))
          items.push_back(post_json(owner_id, *post));
        start = end + 1;
      }
      json::object response{{"items", std::move(items)}};
      add_profiles(response, {});
      out = std::move(response);
      return std::nullopt;
    }
    if (method == "wall.getComments") {
      const std::int64_t owner_id = number(p, "owner_id");
      const FakePost* post = find_post(owner_id, number(p, "post_id"));
      if (post == nullptr) return 100;
      if (post->comments_closed) return 212;
      if (p.at("sort") != "asc") return 100;
      const std::int64_t offset = number(p, "offset");
      const std::int64_t count = number(p, "count", 10);
      const std::vector<FakeComment>* level = &post->comments;
      std::optional<std::int64_t> root;
      if (p.contains("comment_id")) {
        root = number(p, "comment_id");
        level = nullptr;
        for (const auto& c : post->comments)
          if (c.id == *root) level = &c.replies;
        if (level == nullptr) return 100;
      }
      const std::int64_t inline_count = root ? 0 : number(p, "thread_items_count");
      json::array items;
      std::vector<std::int64_t> authors;
      for (std::int64_t i = offset; i < offset + count && i < static_cast<std::int64_t>(level->size()); ++i) {
        const FakeComment& c = (*level)[static_cast<std::size_t>(i)];
        json::object item = comment_json(owner_id, post->id, c, root);
        authors.push_back(c.from_id);
        if (!root) {
          json::array inline_items;
          for (std::int64_t k = 0; k < inline_count && k < static_cast<std::int64_t>(c.replies.size()); ++k) {
            inline_items.push_back(comment_json(owner_id, post->id, c.replies[static_cast<std::size_t>(k)], c.id));
            authors.push_back(c.replies[static_cast<std::size_t>(k)].from_id);
          }
          item["thread"] = json::object{{"count", c.replies.size()}, {"items", std::move(inline_items)}};
        }
        items.push_back(std::move(item));
      }
      json::object response{
          {"count", level->size()}, {"current_level_count", level->size()}, {"items", std::move(items)}};
      add_profiles(response, authors);
      out = std::move(response);
      return std::nullopt;
    }
    return 3;
  }

  mutable std::mutex mutex_;
  int requests_ = 0;
  std::map<std::string, int> requests_by_token_;
  std::map<std::string, int> calls_;
};

}  // namespace vka::collect::testing
