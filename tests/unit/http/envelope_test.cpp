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

TEST(Envelope, HasDataMetaWithRequestIdAndNullError) {
  const auto response = envelope(with_id("r-1"), 201, boost::json::array{1, 2});
  EXPECT_EQ(response.status, 201);
  EXPECT_EQ(response.headers.get("Content-Type"), "application/json; charset=utf-8");
  const auto body = boost::json::parse(response.body);
  EXPECT_EQ(body, (boost::json::object{
                      {"data", boost::json::array{1, 2}}, {"meta", {{"request_id", "r-1"}}}, {"error", nullptr}}));
}

TEST(Envelope, KeepsExtraMetaMembers) {
  const auto response =
      envelope(with_id("r-2"), 200, boost::json::array{}, boost::json::object{{"next_cursor", nullptr}, {"limit", 50}});
  const auto meta = boost::json::parse(response.body).at("meta");
  EXPECT_EQ(meta, (boost::json::object{{"next_cursor", nullptr}, {"limit", 50}, {"request_id", "r-2"}}));
}

TEST(Envelope, NullDataIsKept) {
  const auto body = boost::json::parse(envelope(with_id("r"), 200, nullptr).body).as_object();
  ASSERT_TRUE(body.contains("data"));
  EXPECT_TRUE(body.at("data").is_null());
}

TEST(Envelope, EntityIsTheSameForEveryRequestId) {
  const auto first = envelope(with_id("r-1"), 200, boost::json::object{{"a", 1}});
  const auto second = envelope(with_id("r-2"), 200, boost::json::object{{"a", 1}});
  const auto other = envelope(with_id("r-1"), 200, boost::json::object{{"a", 2}});
  EXPECT_FALSE(first.entity.empty());
  EXPECT_EQ(first.entity, second.entity);
  EXPECT_NE(first.entity, other.entity);
}

TEST(ErrorEnvelope, HasNullDataAndTheErrorWithDetails) {
  ApiError error{409, "conflict", "Cannot pause a canceled task.", {{"status", "is canceled"}}};
  error.headers.emplace_back("Retry-After", "3");
  const auto response = error_envelope(with_id("r-3"), error);
  EXPECT_EQ(response.status, 409);
  EXPECT_EQ(response.headers.get("Retry-After"), "3");
  EXPECT_EQ(response.headers.get("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(
      boost::json::parse(response.body),
      (boost::json::object{{"data", nullptr},
                           {"meta", {{"request_id", "r-3"}}},
                           {"error",
                            {{"code", "conflict"},
                             {"message", "Cannot pause a canceled task."},
                             {"details", boost::json::array{{{"field", "status"}, {"problem", "is canceled"}}}}}}}));
}

TEST(ErrorEnvelope, EscapesTextSafely) {
  const auto response = error_envelope(with_id("r"), validation_failed("Bad \"quote\"\n</script>"));
  EXPECT_EQ(boost::json::parse(response.body).at("error").at("message"), "Bad \"quote\"\n</script>");
}

TEST(ErrorHelpers, MapToTheContractsCodesAndStatuses) {
  struct Case {
    ApiError error;
    int status;
    std::string_view code;
  };
  const Case cases[] = {{validation_failed("m"), 400, "validation_failed"},
                        {not_found(), 404, "not_found"},
                        {conflict("m"), 409, "conflict"},
                        {unauthorized(), 401, "unauthorized"},
                        {forbidden(), 403, "forbidden"},
                        {unsupported_media_type("m"), 415, "unsupported_media_type"},
                        {payload_too_large("m"), 413, "payload_too_large"}};
  for (const auto& c : cases) {
    EXPECT_EQ(c.error.status(), c.status);
    EXPECT_EQ(c.error.code(), c.code);
  }
}

TEST(ErrorHelpers, UnauthorizedAsksForBearerCredentials) {
  const auto error = unauthorized();
  ASSERT_EQ(error.headers.size(), 1u);
  EXPECT_EQ(error.headers[0].first, "WWW-Authenticate");
  EXPECT_TRUE(error.headers[0].second.starts_with("Bearer"));
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
