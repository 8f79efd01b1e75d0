#include <gtest/gtest.h>

#include <string>

#include "api/page_cache.hpp"

namespace vka::api {
namespace {

CachedPage page_of(std::string text) { return {http::EncodedEnvelope{boost::json::string(text), {}}, "u_owner"}; }

std::string body_of(const std::optional<CachedPage>& cached) {
  http::Request request;
  request.request_id = "r";
  return cached ? cached->page.respond(request).body : "(none)";
}

std::string expected_body(std::string text) {
  http::Request request;
  request.request_id = "r";
  return page_of(std::move(text)).page.respond(request).body;
}

// What a page costs the cache: its encodings, its task's owner and its key twice.
std::size_t bytes_of(const CachedPage& cached, std::string_view key) {
  return cached.page.size_bytes() + cached.task_owner.size() + 2 * key.size();
}

TEST(PageCache, FindsAPageOnlyAtTheVersionItWasStoredAt) {
  PageCache cache{1 << 20};
  EXPECT_FALSE(cache.find("/a", 1));
  EXPECT_FALSE(cache.holds("/a"));
  cache.store("/a", 1, {page_of("one").page, "u_ann"});
  EXPECT_TRUE(cache.holds("/a"));
  EXPECT_EQ(body_of(cache.find("/a", 1)), expected_body("one"));
  EXPECT_EQ(cache.find("/a", 1)->task_owner, "u_ann");
  EXPECT_FALSE(cache.find("/b", 1));
  EXPECT_FALSE(cache.holds("/b"));
}

TEST(PageCache, DropsAPageOlderThanTheVersionAskedForAndKeepsANewerOne) {
  PageCache cache{1 << 20};
  cache.store("/a", 5, page_of("five"));
  EXPECT_FALSE(cache.find("/a", 4)) << "asked at a version read before the page was stored";
  EXPECT_TRUE(cache.holds("/a"));
  EXPECT_EQ(body_of(cache.find("/a", 5)), expected_body("five"));
  EXPECT_FALSE(cache.find("/a", 6));
  EXPECT_FALSE(cache.holds("/a"));
  EXPECT_EQ(cache.size_bytes(), 0u);
}

TEST(PageCache, StoringAgainReplacesThePageAndItsSize) {
  PageCache cache{1 << 20};
  cache.store("/a", 1, page_of(std::string(5000, 'x')));
  cache.store("/a", 2, page_of("two"));
  EXPECT_FALSE(cache.find("/a", 1));
  EXPECT_EQ(body_of(cache.find("/a", 2)), expected_body("two"));
  EXPECT_EQ(cache.size_bytes(), bytes_of(page_of("two"), "/a"));
}

TEST(PageCache, StaysWithinItsBytesDroppingTheLeastRecentlyUsed) {
  const auto one_page = bytes_of(page_of(std::string(1000, 'x')), "/0");
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

  PageCache small{bytes_of(page_of("one"), "/a")};
  small.store("/a", 1, page_of("one"));
  small.store("/b", 1, page_of(std::string(100'000, 'x')));
  EXPECT_TRUE(small.find("/a", 1));
  EXPECT_FALSE(small.find("/b", 1));
}

}  // namespace
}  // namespace vka::api
