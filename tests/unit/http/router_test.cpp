#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>

#include "http/router.hpp"

namespace vka::http {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

Handler answering(int status) {
  return [status](Request&) {
    Response response;
    response.status = status;
    return response;
  };
}

Request request_for(std::string method, std::string path) {
  Request request;
  request.method = std::move(method);
  request.path = std::move(path);
  return request;
}

int answer(const Router::Match& match, Request& request) { return match.route->handler(request).status; }

class RouterTest : public ::testing::Test {
 protected:
  RouterTest() {
    router.add("GET", "/api/v1/tasks", answering(1));
    router.add("POST", "/api/v1/tasks", answering(2));
    router.add("GET", "/api/v1/tasks/{id}", answering(3));
    router.add("DELETE", "/api/v1/tasks/{id}", answering(4));
    router.add("POST", "/api/v1/tasks/{id}/pause", answering(5));
    router.add("GET", "/api/v1/tasks/{task}/comments/{comment}", answering(6));
  }
  Router router;
};

TEST_F(RouterTest, PicksTheRouteByMethodAndPath) {
  auto request = request_for("POST", "/api/v1/tasks");
  const auto match = router.match(request);
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(answer(match, request), 2);
  EXPECT_EQ(request.route, "/api/v1/tasks");
  EXPECT_TRUE(request.path_params.empty());
}

TEST_F(RouterTest, FillsPathParametersAndTheMatchedPattern) {
  auto request = request_for("GET", "/api/v1/tasks/t_1/comments/-1_2");
  const auto match = router.match(request);
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(answer(match, request), 6);
  EXPECT_EQ(request.route, "/api/v1/tasks/{task}/comments/{comment}");
  EXPECT_EQ(request.path_param("task"), "t_1");
  EXPECT_EQ(request.path_param("comment"), "-1_2");
}

TEST_F(RouterTest, ParametersMatchOneWholeSegmentOnly) {
  auto deeper = request_for("GET", "/api/v1/tasks/t_1/extra");
  EXPECT_EQ(router.match(deeper).route, nullptr);
  auto literal_mismatch = request_for("POST", "/api/v1/tasks/t_1/resume");
  const auto match = router.match(literal_mismatch);
  EXPECT_EQ(match.route, nullptr);
  EXPECT_TRUE(match.allowed_methods.empty());
}

TEST_F(RouterTest, UnknownPathIsNotFoundWithNoAllowedMethods) {
  auto request = request_for("GET", "/api/v2/tasks");
  const auto match = router.match(request);
  EXPECT_EQ(match.route, nullptr);
  EXPECT_TRUE(match.allowed_methods.empty());
  EXPECT_EQ(request.route, "");
}

TEST_F(RouterTest, KnownPathWithOtherMethodListsTheAllowedOnes) {
  auto request = request_for("PUT", "/api/v1/tasks/t_1");
  const auto match = router.match(request);
  EXPECT_EQ(match.route, nullptr);
  EXPECT_THAT(match.allowed_methods, UnorderedElementsAre("GET", "DELETE"));
  EXPECT_EQ(request.route, "");
  EXPECT_TRUE(request.path_params.empty());
}

TEST_F(RouterTest, AllowedMethodsAreListedOnceEach) {
  Router twice;
  twice.add("GET", "/a/{x}", answering(1));
  twice.add("GET", "/a/b", answering(2));
  auto request = request_for("POST", "/a/b");
  EXPECT_THAT(twice.match(request).allowed_methods, ElementsAre("GET"));
}

TEST_F(RouterTest, HeadIsServedByTheGetRoute) {
  auto request = request_for("HEAD", "/api/v1/tasks/t_9");
  const auto match = router.match(request);
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(answer(match, request), 3);
  EXPECT_EQ(request.path_param("id"), "t_9");
}

TEST_F(RouterTest, HeadWhereThereIsNoGetIsMethodNotAllowed) {
  auto request = request_for("HEAD", "/api/v1/tasks/t_1/pause");
  const auto match = router.match(request);
  EXPECT_EQ(match.route, nullptr);
  EXPECT_THAT(match.allowed_methods, ElementsAre("POST"));
}

TEST_F(RouterTest, TrailingSlashIsTheSameResource) {
  auto collection = request_for("GET", "/api/v1/tasks/");
  ASSERT_NE(router.match(collection).route, nullptr);
  EXPECT_EQ(collection.route, "/api/v1/tasks");
  auto item = request_for("DELETE", "/api/v1/tasks/t_1/");
  const auto match = router.match(item);
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(answer(match, item), 4);
  EXPECT_EQ(item.path_param("id"), "t_1");
}

TEST_F(RouterTest, FirstRegisteredRouteWins) {
  Router ordered;
  ordered.add("GET", "/tasks/export", answering(1));
  ordered.add("GET", "/tasks/{id}", answering(2));
  auto literal = request_for("GET", "/tasks/export");
  EXPECT_EQ(answer(ordered.match(literal), literal), 1);
  auto param = request_for("GET", "/tasks/t_1");
  EXPECT_EQ(answer(ordered.match(param), param), 2);
}

TEST_F(RouterTest, RootPathMatchesOnlyTheRootPattern) {
  Router root;
  root.add("GET", "/", answering(7));
  auto request = request_for("GET", "/");
  ASSERT_NE(root.match(request).route, nullptr);
  auto other = request_for("GET", "/x");
  EXPECT_EQ(root.match(other).route, nullptr);
}

TEST_F(RouterTest, FallbackTakesGetAndHeadThatNoPatternFits) {
  router.set_fallback("/{site}", answering(9));
  for (const auto* method : {"GET", "HEAD"}) {
    auto request = request_for(method, "/tasks/t_1/comments");
    const auto match = router.match(request);
    ASSERT_NE(match.route, nullptr) << method;
    EXPECT_EQ(answer(match, request), 9);
    EXPECT_EQ(request.route, "/{site}");
  }
}

TEST_F(RouterTest, FallbackLeavesOtherMethodsAndKnownPathsAlone) {
  router.set_fallback("/{site}", answering(9));
  auto post = request_for("POST", "/tasks/t_1");
  EXPECT_EQ(router.match(post).route, nullptr);
  // A path a route fits with another method stays a 405, not a page.
  auto other_method = request_for("GET", "/api/v1/tasks/t_1/pause");
  const auto match = router.match(other_method);
  EXPECT_EQ(match.route, nullptr);
  EXPECT_THAT(match.allowed_methods, ElementsAre("POST"));
  auto routed = request_for("GET", "/api/v1/tasks");
  EXPECT_EQ(answer(router.match(routed), routed), 1);
}

TEST(Router, BodyLimitIsTheMatchingRoutesOwn) {
  Router router;
  router.add("POST", "/api/v1/analyze", answering(1), 96u << 20);
  router.add("POST", "/api/v1/tasks/{id}/files", answering(2), 1u << 20);
  router.add("GET", "/api/v1/analyze", answering(3));
  router.add("POST", "/api/v1/tasks", answering(4));
  EXPECT_EQ(router.max_body_bytes("POST", "/api/v1/analyze"), 96u << 20);
  EXPECT_EQ(router.max_body_bytes("POST", "/api/v1/tasks/t_1/files"), 1u << 20);
  EXPECT_EQ(router.max_body_bytes("GET", "/api/v1/analyze"), 0u);
  EXPECT_EQ(router.max_body_bytes("PUT", "/api/v1/analyze"), 0u);
  EXPECT_EQ(router.max_body_bytes("POST", "/api/v1/tasks"), 0u);
  EXPECT_EQ(router.max_body_bytes("POST", "/nowhere"), 0u);
}

TEST(Router, RejectsPatternsWithoutLeadingSlash) {
  Router router;
  EXPECT_THROW(router.add("GET", "api/v1", answering(1)), std::invalid_argument);
  EXPECT_THROW(router.add("GET", "", answering(1)), std::invalid_argument);
  EXPECT_TRUE(router.routes().empty());
}

TEST(Router, ExposesItsRoutesInRegistrationOrder) {
  Router router;
  router.add("GET", "/a", answering(1));
  router.add("POST", "/b/{id}", answering(2));
  ASSERT_EQ(router.routes().size(), 2u);
  EXPECT_EQ(router.routes()[1].method, "POST");
  EXPECT_EQ(router.routes()[1].pattern, "/b/{id}");
}

}  // namespace
}  // namespace vka::http
