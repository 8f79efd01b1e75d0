#include <gtest/gtest.h>

#include <string>

#include "api/page_cache.hpp"

namespace vka::api {
namespace {

http::EncodedEnvelope page_of(std::string text) { return http::EncodedEnvelope{boost::json::string(text), {}}; }

std::string body_of(const std::optional<http::EncodedEnvelope>& page) {
  http::Request request;
  request.request_id = "r";
  return page ? page->respond(request).body : "(none)";
}

std::string expected_body(std::string text) {
  http::Request request;
  request.request_id = "r";
  return page_of(std::move(text)).respond(request).body;
}

TEST(PageCache, FindsAPageOnlyAtTheVersionItWasStoredAt) {
  PageCache cache{1 << 20};
  EXPECT_FALSE(cache.find("/a", 1));
  cache.store("/a", 1, page_of("one"));
  EXPECT_EQ(body_of(cache.find("/a", 1)), expected_body("one"));
  EXPECT_FALSE(cache.find("/a", 2));
  EXPECT_FALSE(cache.find("/b", 1));
}

TEST(PageCache, StoringAgainReplacesThePageAndItsSize) {
  PageCache cache{1 << 20};
  cache.store("/a", 1, page_of(std::string(5000, 'x')));
  cache.store("/a", 2, page_of("two"));
  EXPECT_FALSE(cache.find("/a", 1));
  EXPECT_EQ(body_of(cache.find("/a", 2)), expected_body("two"));
  EXPECT_EQ(cache.size_bytes(), page_of("two").size_bytes() + 2 * std::string("/a").size());
}

TEST(PageCache, StaysWithinItsBytesDroppingTheLeastRecentlyUsed) {
  const auto one_page = page_of(std::string(1000, 'x')).size_bytes() + 2 * std::string("/0").size();
  PageCache cache{3 * one_page};
  cache.store("/0", 1, page_of(std::string(1000, 'x')));
  cache.store("/1", 1, page_of(std::string(1000, 'x')));
  cache.store("/2", 1, page_of(std::string(1000, 'x')));
  EXPECT_TRUE(cache.find("/0", 1));  // now the most recently used
  cache.store("/3", 1, page_of(std::string(1000, 'x')));
  EXPECT_LE(cache.size_bytes(), 3 * one_page);
  EXPECT_TRUE(cache.find("/0", 1));
  EXPECT_FALSE(cache.find("/1", 1));
  EXPECT_TRUE(cache.find("/2", 1));
  EXPECT_TRUE(cache.find("/3", 1));
}

TEST(PageCache, KeepsNoPageLargerThanItAll) {
  PageCache none{0};
  none.store("/a", 1, page_of("one"));
  EXPECT_FALSE(none.find("/a", 1));
  EXPECT_EQ(none.size_bytes(), 0u);

  PageCache small{page_of("one").size_bytes() + 4};
  small.store("/a", 1, page_of("one"));
  small.store("/b", 1, page_of(std::string(100'000, 'x')));
  EXPECT_TRUE(small.find("/a", 1));
  EXPECT_FALSE(small.find("/b", 1));
}

}  // namespace
}  // namespace vka::api
