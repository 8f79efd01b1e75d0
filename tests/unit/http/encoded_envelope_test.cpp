#include <gtest/gtest.h>
#include <boost/json/parse.hpp>

#include "http/compression.hpp"
#include "http/encoded_envelope.hpp"
#include "http/envelope.hpp"
#include "http/etag.hpp"

namespace vka::http {
namespace {

Request with_id(std::string id) {
  Request request;
  request.request_id = std::move(id);
  return request;
}

boost::json::array rows() {
  boost::json::array items;
  for (int i = 0; i < 200; ++i) items.push_back({{"id", i}, {"text", "строка"}, {"score", -0.25}});
  return items;
}

const boost::json::object meta{{"limit", 200}, {"next_cursor", "abc"}};

TEST(EncodedEnvelope, AnswersLikeAFreshEnvelope) {
  const EncodedEnvelope encoded{rows(), meta};
  for (const auto* id : {"r-1", "another-request"}) {
    const auto fresh = envelope(with_id(id), 200, rows(), meta);
    const auto cached = encoded.respond(with_id(id));
    EXPECT_EQ(cached.status, 200);
    EXPECT_EQ(cached.headers.get("Content-Type"), fresh.headers.get("Content-Type"));
    EXPECT_EQ(cached.body, fresh.body);
    EXPECT_EQ(cached.etag, entity_tag(fresh.entity));
    EXPECT_EQ(boost::json::parse(cached.body).at("meta").at("request_id"), id);
  }
}

TEST(EncodedEnvelope, ItsGzipIsTheBodyWithThisRequestsId) {
  const EncodedEnvelope encoded{rows(), meta};
  const auto response = encoded.respond(with_id("r-7"));
  ASSERT_TRUE(response.gzip);
  const auto gzip = response.gzip();
  EXPECT_EQ(gzip_decompress(gzip), response.body);
  EXPECT_LT(gzip.size(), response.body.size());
}

TEST(EncodedEnvelope, CountsTheMemoryItHolds) {
  const EncodedEnvelope small{boost::json::array{}, {}};
  const EncodedEnvelope large{rows(), meta};
  EXPECT_GT(large.size_bytes(), small.size_bytes() + envelope(with_id("r"), 200, rows(), meta).body.size());
}

}  // namespace
}  // namespace vka::http
