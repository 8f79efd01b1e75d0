#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <set>

#include "sim/vk_service.hpp"

namespace vka::sim {
namespace {

namespace json = boost::json;
using std::chrono::milliseconds;

class ServiceTest : public ::testing::Test {
 protected:
  SimClock::time_point now{};

  SimOptions options() {
    SimOptions o;
    o.dataset.seed = 11;
    o.dataset.posts = 10;
    o.dataset.comments_mean = 12;
    o.dataset.long_thread_replies = 130;
    o.rps = 1000;
    return o;
  }

  std::unique_ptr<VkService> make(SimOptions o) {
    return std::make_unique<VkService>(std::move(o), [this] { return now; });
  }

  static http::Request request(std::string method, std::string body, std::string token = "tok") {
    http::Request r;
    r.method = "POST";
    r.path = "/method/" + method;
    r.path_params["name"] = method;
    r.headers.set("Content-Type", "application/x-www-form-urlencoded");
    r.body = std::move(body);
    if (!token.empty()) r.body += "&access_token=" + token;
    r.body += "&v=5.199";
    return r;
  }

  static json::value call(VkService& s, const std::string& method, const std::string& body,
                          const std::string& token = "tok") {
    auto r = request(method, body, token);
    const auto response = s.handle_method(r);
    EXPECT_EQ(response.status, 200);
    return json::parse(response.body);
  }

  static std::int64_t error_code(const json::value& v) {
    return v.as_object().at("error").as_object().at("error_code").as_int64();
  }

  const Community& community(const VkService& s, auto predicate) {
    for (const auto& c : s.dataset().communities())
      if (predicate(c)) return c;
    throw std::logic_error("no such community");
  }
  const Community& open_community(const VkService& s) {
    return community(s, [](const Community& c) { return !c.deactivated && !c.is_closed && !c.comments_closed; });
  }
};

TEST_F(ServiceTest, WallGetPinnedFirstWithPagingAndExtended) {
  auto s = make(options());
  const auto& c = open_community(*s);
  const auto owner = std::to_string(-c.id);
  const auto page = call(*s, "wall.get", "owner_id=" + owner + "&count=3&extended=1").at("response").as_object();
  EXPECT_EQ(page.at("count").as_int64(), 10);
  const auto& items = page.at("items").as_array();
  ASSERT_EQ(items.size(), 3u);
  const auto& first = items[0].as_object();
  EXPECT_EQ(first.at("is_pinned").as_int64(), 1);
  EXPECT_LT(first.at("date").as_int64(), items[1].at("date").as_int64());
  for (const char* key : {"id", "owner_id", "from_id", "date", "text", "post_type", "comments", "likes", "reposts"})
    EXPECT_TRUE(first.contains(key)) << key;
  EXPECT_EQ(first.at("owner_id").as_int64(), -c.id);
  EXPECT_TRUE(first.at("comments").as_object().contains("can_post"));
  EXPECT_EQ(page.at("groups").as_array()[0].at("id").as_int64(), c.id);
  EXPECT_TRUE(page.at("profiles").as_array().empty());

  const auto by_domain = call(*s, "wall.get", "domain=" + c.screen_name + "&offset=3&count=100").at("response");
  EXPECT_EQ(by_domain.at("items").as_array().size(), 7u);
  EXPECT_EQ(by_domain.at("items").as_array()[0].at("is_pinned").as_int64(), 0);
  EXPECT_FALSE(by_domain.as_object().contains("profiles"));
}

TEST_F(ServiceTest, WallGetRefusesPrivateAndBannedCommunitiesAndBadParameters) {
  auto s = make(options());
  const auto& priv = community(*s, [](const Community& c) { return c.is_closed == 2; });
  const auto& banned = community(*s, [](const Community& c) { return c.deactivated.has_value(); });
  auto reply = call(*s, "wall.get", "owner_id=-" + std::to_string(priv.id));
  EXPECT_EQ(error_code(reply), 15);
  EXPECT_EQ(reply.at("error").at("error_msg"), "Access denied: this wall available only for community members");
  reply = call(*s, "wall.get", "owner_id=-" + std::to_string(banned.id));
  EXPECT_EQ(reply.at("error").at("error_msg"), "Access denied: group is blocked");
  EXPECT_EQ(error_code(call(*s, "wall.getComments", "owner_id=-" + std::to_string(priv.id) + "&post_id=1")), 15);
  const auto open = std::to_string(-open_community(*s).id);
  EXPECT_EQ(error_code(call(*s, "wall.get", "owner_id=" + open + "&count=101")), 100);
  EXPECT_EQ(error_code(call(*s, "wall.get", "owner_id=abc")), 100);
  EXPECT_EQ(error_code(call(*s, "wall.get", "")), 100);
  EXPECT_EQ(error_code(call(*s, "wall.get", "owner_id=-1")), 100);
}

TEST_F(ServiceTest, ErrorEnvelopeEchoesParamsButNeverTheToken) {
  auto s = make(options());
  auto r = request("wall.get", "owner_id=abc", "secret-token");
  const auto reply = json::parse(s->handle_method(r).body);
  const auto text = json::serialize(reply);
  EXPECT_EQ(text.find("secret-token"), std::string::npos);
  const auto& params = reply.at("error").at("request_params").as_array();
  EXPECT_EQ(params[0], (json::object{{"key", "method"}, {"value", "wall.get"}}));
  EXPECT_EQ(params[1], (json::object{{"key", "oauth"}, {"value", "1"}}));
  EXPECT_EQ(params[2], (json::object{{"key", "owner_id"}, {"value", "abc"}}));
}

TEST_F(ServiceTest, TokensVersionAndUnknownMethods) {
  auto o = options();
  o.tokens = {"good"};
  o.invalid_tokens = {"revoked"};
  o.service_tokens = {"service"};
  auto s = make(o);
  EXPECT_EQ(error_code(call(*s, "users.get", "user_ids=1", "")), 5);
  EXPECT_EQ(error_code(call(*s, "users.get", "user_ids=1", "revoked")), 5);
  EXPECT_EQ(error_code(call(*s, "users.get", "user_ids=1", "stranger")), 5);
  EXPECT_EQ(error_code(call(*s, "execute", "code=return 1;", "service")), 28);
  EXPECT_EQ(call(*s, "execute", "code=return 1;", "good").at("response"), 1);
  EXPECT_EQ(error_code(call(*s, "wall.nothing", "", "good")), 3);

  auto bearer = request("execute", "code=return%202;", "");
  bearer.headers.set("Authorization", "Bearer good");
  EXPECT_EQ(json::parse(s->handle_method(bearer).body).at("response"), 2);

  auto no_version = request("execute", "code=return 1;", "good");
  no_version.body = "code=return+1;&access_token=good";
  EXPECT_EQ(error_code(json::parse(s->handle_method(no_version).body)), 8);
  auto query = request("execute", "", "");
  query.method = "GET";
  query.body.clear();
  query.query = "code=return+3;&access_token=good&v=5.199";
  EXPECT_EQ(json::parse(s->handle_method(query).body).at("response"), 3);
}

TEST_F(ServiceTest, GetByIdLookupsAndResolve) {
  auto s = make(options());
  const auto& c = open_community(*s);
  const auto& banned = community(*s, [](const Community& x) { return x.deactivated.has_value(); });
  const auto wall = s->dataset().wall(c.id);
  const auto posts = std::to_string(-c.id) + "_" + std::to_string(wall[1].id) + "," + std::to_string(-c.id) + "_1";
  const auto by_id = call(*s, "wall.getById", "posts=" + posts).at("response");
  ASSERT_EQ(by_id.at("items").as_array().size(), 1u);
  EXPECT_EQ(by_id.at("items").as_array()[0].at("id").as_int64(), wall[1].id);
  EXPECT_EQ(error_code(call(*s, "wall.getById", "posts=nonsense")), 100);

  const auto groups = call(*s, "groups.getById",
                           "group_ids=" + c.screen_name + "," + std::to_string(banned.id) + "&fields=members_count")
                          .at("response");
  const auto& list = groups.at("groups").as_array();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].at("id").as_int64(), c.id);
  EXPECT_TRUE(list[0].as_object().contains("members_count"));
  EXPECT_EQ(list[1].at("deactivated"), "banned");
  EXPECT_TRUE(groups.at("profiles").as_array().empty());
  EXPECT_EQ(error_code(call(*s, "groups.getById", "group_ids=no_such_group_here")), 100);

  EXPECT_EQ(call(*s, "utils.resolveScreenName", "screen_name=" + c.screen_name).at("response"),
            (json::object{{"type", "group"}, {"object_id", c.id}}));
  EXPECT_EQ(call(*s, "utils.resolveScreenName", "screen_name=nobody_knows").at("response"), json::array{});

  const auto& user = s->dataset().users()[0];
  const auto users = call(*s, "users.get", "user_ids=" + std::to_string(user.id)).at("response").as_array();
  ASSERT_EQ(users.size(), 1u);
  EXPECT_EQ(users[0].at("first_name"), user.first_name.c_str());
  const auto deactivated = std::find_if(s->dataset().users().begin(), s->dataset().users().end(),
                                        [](const User& u) { return u.deactivated.has_value(); });
  ASSERT_NE(deactivated, s->dataset().users().end());
  const auto gone = call(*s, "users.get", "user_ids=" + std::to_string(deactivated->id)).at("response");
  EXPECT_EQ(gone.at(0).at("deactivated"), deactivated->deactivated->c_str());
  EXPECT_FALSE(gone.at(0).as_object().contains("is_closed"));
}

// The post holding the long thread, and that thread's root comment.
std::pair<const Post*, const Comment*> long_thread(const Dataset& data) {
  for (const auto& c : data.communities())
    for (const auto& post : data.wall(c.id)) {
      const auto& comments = data.comments(post);
      for (const auto root : comments.top_level)
        if (comments.replies_of(comments.items[root].id).size() > 100) return {&post, &comments.items[root]};
    }
  return {nullptr, nullptr};
}

TEST_F(ServiceTest, GetCommentsTopLevelWithThreads) {
  auto s = make(options());
  const auto [post, root] = long_thread(s->dataset());
  ASSERT_NE(post, nullptr);
  const auto address = "owner_id=" + std::to_string(post->owner_id) + "&post_id=" + std::to_string(post->id);
  const auto& comments = s->dataset().comments(*post);
  const auto page =
      call(*s, "wall.getComments", address + "&count=100&sort=asc&need_likes=1&extended=1&thread_items_count=10")
          .at("response")
          .as_object();
  EXPECT_EQ(page.at("count").as_int64(), static_cast<std::int64_t>(comments.items.size()));
  EXPECT_EQ(page.at("current_level_count").as_int64(), static_cast<std::int64_t>(comments.top_level.size()));
  for (const char* key : {"can_post", "show_reply_button", "groups_can_post", "profiles", "groups"})
    EXPECT_TRUE(page.contains(key)) << key;
  const auto& items = page.at("items").as_array();
  ASSERT_EQ(items.size(), std::min<std::size_t>(100, comments.top_level.size()));
  EXPECT_EQ(items[0].at("id").as_int64(), root->id);
  const auto& thread = items[0].at("thread").as_object();
  EXPECT_EQ(thread.at("count").as_int64(), 130);
  const auto& inline_items = thread.at("items").as_array();
  ASSERT_EQ(inline_items.size(), 10u);
  EXPECT_EQ(inline_items[0].at("parents_stack").as_array(), json::array{root->id});
  EXPECT_TRUE(inline_items[0].as_object().contains("reply_to_comment"));
  EXPECT_TRUE(items[0].as_object().contains("likes"));
  EXPECT_TRUE(items[1].at("deleted").as_bool()) << "the second root of the long-thread post is a tombstone";
  EXPECT_EQ(items[1].at("text"), "");
  for (std::size_t i = 1; i < items.size(); ++i)
    EXPECT_GT(items[i].at("id").as_int64(), items[i - 1].at("id").as_int64());
  const auto desc = call(*s, "wall.getComments", address + "&count=2&sort=desc").at("response");
  EXPECT_EQ(desc.at("items").at(0).at("id").as_int64(), comments.items[comments.top_level.back()].id);
  EXPECT_FALSE(desc.at("items").at(0).as_object().contains("likes"));
}

TEST_F(ServiceTest, GetCommentsBranchPagingAndResumeAnchor) {
  auto s = make(options());
  const auto [post, root] = long_thread(s->dataset());
  ASSERT_NE(post, nullptr);
  const auto address = "owner_id=" + std::to_string(post->owner_id) + "&post_id=" + std::to_string(post->id) +
                       "&comment_id=" + std::to_string(root->id) + "&count=100&sort=asc";
  std::vector<std::int64_t> seen;
  for (int offset = 0;; offset += 100) {
    const auto page = call(*s, "wall.getComments", address + "&offset=" + std::to_string(offset)).at("response");
    EXPECT_EQ(page.at("current_level_count").as_int64(), 130);
    for (const auto& item : page.at("items").as_array()) {
      seen.push_back(item.at("id").as_int64());
      EXPECT_FALSE(item.as_object().contains("thread"));
    }
    if (page.at("items").as_array().size() < 100) break;
  }
  ASSERT_EQ(seen.size(), 130u);
  const auto resumed =
      call(*s, "wall.getComments", address + "&start_comment_id=" + std::to_string(seen[99]) + "&offset=1")
          .at("response");
  ASSERT_EQ(resumed.at("items").as_array().size(), 30u);
  EXPECT_EQ(resumed.at("items").at(0).at("id").as_int64(), seen[100]);
  const auto before =
      call(*s, "wall.getComments", address + "&start_comment_id=" + std::to_string(seen[10]) + "&offset=-2&count=3")
          .at("response");
  EXPECT_EQ(before.at("items").at(0).at("id").as_int64(), seen[8]);
  EXPECT_EQ(error_code(call(*s, "wall.getComments", address + "&offset=-1")), 100);
}

TEST_F(ServiceTest, CommentsClosedGives212) {
  auto s = make(options());
  const auto& c = community(*s, [](const Community& x) { return x.comments_closed; });
  const auto& post = s->dataset().wall(c.id)[0];
  const auto reply =
      call(*s, "wall.getComments", "owner_id=" + std::to_string(post.owner_id) + "&post_id=" + std::to_string(post.id));
  EXPECT_EQ(error_code(reply), 212);
  const auto wall = call(*s, "wall.get", "owner_id=" + std::to_string(post.owner_id) + "&count=1").at("response");
  EXPECT_EQ(wall.at("items").at(0).at("comments").at("can_post").as_int64(), 0);
}

TEST_F(ServiceTest, ExecuteReturnsFalseAndErrorsForFailingInnerCalls) {
  auto s = make(options());
  const auto& open = open_community(*s);
  const auto& closed = community(*s, [](const Community& x) { return x.comments_closed; });
  const auto closed_post = s->dataset().wall(closed.id)[0].id;
  const std::string code = "return [API.wall.get({\"owner_id\":" + std::to_string(-open.id) +
                           ",\"count\":1}),API.wall.getComments({\"owner_id\":" + std::to_string(-closed.id) +
                           ",\"post_id\":" + std::to_string(closed_post) + "}),API.no.such({})];";
  std::string encoded;
  for (const char ch : code) {
    char buffer[4];
    std::snprintf(buffer, sizeof buffer, "%%%02X", static_cast<unsigned char>(ch));
    encoded += buffer;
  }
  const auto reply = call(*s, "execute", "code=" + encoded).as_object();
  const auto& results = reply.at("response").as_array();
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(results[0].at("items").as_array().size(), 1u);
  EXPECT_EQ(results[1], false);
  EXPECT_EQ(results[2], false);
  const auto& errors = reply.at("execute_errors").as_array();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0],
            (json::object{
                {"method", "wall.getComments"}, {"error_code", 212}, {"error_msg", "Access to post comments denied"}}));
  EXPECT_EQ(errors[1].at("error_code").as_int64(), 3);

  EXPECT_EQ(error_code(call(*s, "execute", "code=return [1,")), 12);
  std::string many = "return [";
  for (int i = 0; i < 26; ++i) many += std::string{i ? "," : ""} + "API.users.get({user_ids:1})";
  EXPECT_EQ(error_code(call(*s, "execute", "code=" + many + "];")), 13);

  const auto stats = s->stats();
  EXPECT_EQ(stats.at("inner_calls").at("wall.get").at("ok").as_uint64(), 1u);
  EXPECT_EQ(stats.at("inner_calls").at("wall.getComments").at("error_212").as_uint64(), 1u);
  EXPECT_EQ(stats.at("requests").at("execute").at("ok").as_uint64(), 1u);
  EXPECT_EQ(stats.at("requests").at("execute").at("error_12").as_uint64(), 1u);
}

TEST_F(ServiceTest, RateLimitPerTokenOverASlidingSecond) {
  auto o = options();
  o.rps = 3;
  o.tokens = {"a", "b"};
  auto s = make(o);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(call(*s, "execute", "code=return 1;", "a").at("response"), 1);
  EXPECT_EQ(error_code(call(*s, "execute", "code=return 1;", "a")), 6);
  EXPECT_EQ(call(*s, "execute", "code=return 1;", "b").at("response"), 1) << "limits are per token";
  now += milliseconds{999};
  EXPECT_EQ(error_code(call(*s, "execute", "code=return 1;", "a")), 6);
  now += milliseconds{1};
  EXPECT_EQ(call(*s, "execute", "code=return 1;", "a").at("response"), 1);
  const auto stats = s->stats();
  EXPECT_EQ(stats.at("rate_violations").as_uint64(), 2u);
  EXPECT_EQ(stats.at("tokens").at("a").at("requests").as_uint64(), 6u);
  EXPECT_EQ(stats.at("tokens").at("a").at("max_requests_per_second").as_uint64(), 5u);
  EXPECT_EQ(stats.at("tokens").at("b").at("max_requests_per_second").as_uint64(), 1u);
  EXPECT_EQ(stats.at("requests").at("execute").at("error_6").as_uint64(), 2u);
  s->reset_stats();
  EXPECT_EQ(s->stats().at("totals").at("requests").as_uint64(), 0u);
}

TEST_F(ServiceTest, QuotasCountEveryCallPerToken) {
  auto o = options();
  o.quotas["users.get"] = 3;
  auto s = make(o);
  const auto code = "code=return [API.users.get({user_ids:1}),API.users.get({user_ids:1})];";
  EXPECT_FALSE(call(*s, "execute", code).as_object().contains("execute_errors"));
  const auto second = call(*s, "execute", code).as_object();
  EXPECT_TRUE(second.at("response").at(0).is_array());
  EXPECT_EQ(second.at("response").at(1), false);
  EXPECT_EQ(second.at("execute_errors").at(0).at("error_code").as_int64(), 29);
  EXPECT_EQ(error_code(call(*s, "users.get", "user_ids=1")), 29);
  EXPECT_TRUE(call(*s, "users.get", "user_ids=1", "other").at("response").is_array());
}

TEST_F(ServiceTest, FaultsAreDeterministicAndOfEveryKind) {
  auto o = options();
  o.fault_rate = 0.5;
  o.stall = milliseconds{0};
  const auto run = [&] {
    auto s = make(o);
    std::vector<std::string> outcomes;
    for (int i = 0; i < 200; ++i) {
      auto r = request("execute", "code=return 1;");
      const auto response = s->handle_method(r);
      if (response.status != 200)
        outcomes.push_back("http_" + std::to_string(response.status));
      else
        outcomes.push_back(response.body);
    }
    return outcomes;
  };
  const auto first = run();
  EXPECT_EQ(first, run());
  std::set<std::string> kinds(first.begin(), first.end());
  EXPECT_TRUE(kinds.count("http_502") && kinds.count("http_503"));
  EXPECT_TRUE(kinds.count(R"({"response":1})"));
  bool error9 = false, error10 = false, truncated = false;
  for (const auto& body : first) {
    error9 = error9 || body.find("\"error_code\":9,") != std::string::npos;
    error10 = error10 || body.find("\"error_code\":10,") != std::string::npos;
    truncated = truncated || (body.starts_with("{\"resp") && !body.ends_with("}"));
  }
  EXPECT_TRUE(error9 && error10 && truncated);
}

}  // namespace
}  // namespace vka::sim
