#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/json/parse.hpp>

#include <stdexcept>
#include <string>

#include "http/compression.hpp"
#include "http/envelope.hpp"
#include "http/pipeline.hpp"
#include "http/tracing.hpp"

namespace vka::http {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string large_json = [] {
  std::string body = R"({"items":[)";
  while (body.size() < 4 * compression_threshold) body += R"("some repeated text",)";
  return body + R"("end"]})";
}();

Response body_response(std::string content_type, std::string body, int status = 200) {
  Response response;
  response.status = status;
  response.headers.set("Content-Type", std::move(content_type));
  response.body = std::move(body);
  return response;
}

class EmptyStream : public BodyStream {
 public:
  std::optional<std::string> next_chunk() override { return std::nullopt; }
};

boost::json::object json_of(const Response& response) { return boost::json::parse(response.body).as_object(); }

std::vector<std::string> values_of(const Headers& headers, std::string_view name) {
  std::vector<std::string> values;
  for (const auto& [key, value] : headers.fields())
    if (iequals(key, name)) values.push_back(value);
  return values;
}

class PipelineTest : public ::testing::Test {
 protected:
  PipelineTest() {
    router.add("GET", "/small", [](Request& r) { return envelope(r, 200, boost::json::object{{"ok", true}}); });
    router.add("GET", "/text", [](Request&) { return body_response("text/plain", "same bytes every time"); });
    router.add("GET", "/large", [](Request&) { return body_response("application/json; charset=utf-8", large_json); });
    router.add("GET", "/exact",
               [](Request&) { return body_response("application/json", std::string(compression_threshold, 'a')); });
    router.add("GET", "/just-under",
               [](Request&) { return body_response("application/json", std::string(compression_threshold - 1, 'a')); });
    router.add("GET", "/ready-made", [](Request&) {
      auto response = body_response("application/json", large_json);
      response.etag = "W/\"ready\"";
      response.gzip = [] { return std::string{"ready gzip"}; };
      return response;
    });
    router.add("GET", "/png", [](Request&) { return body_response("image/png", std::string(5000, 'a')); });
    router.add("GET", "/stream", [](Request&) {
      auto response = body_response("text/event-stream", std::string(5000, 'a'));
      response.stream = std::make_shared<EmptyStream>();
      return response;
    });
    router.add("GET", "/missing-thing", [](Request&) -> Response { throw not_found("No such thing."); });
    router.add("POST", "/things", [](Request&) -> Response {
      ApiError error = validation_failed("The body is not valid.", {{"groups[0]", "bad"}, {"name", "too long"}});
      error.headers.emplace_back("Retry-After", "7");
      throw error;
    });
    router.add("POST", "/large", [](Request&) { return body_response("application/json", large_json); });
    router.add("DELETE", "/large", [](Request&) { return body_response("application/json", "", 204); });
    router.add("GET", "/created", [](Request&) { return body_response("text/plain", "x", 201); });
    router.add("GET", "/boom", [](Request&) -> Response {
      throw std::runtime_error("SELECT secret FROM api_keys WHERE token='hunter2'");
    });
  }

  Response get(std::string path, std::vector<std::pair<std::string, std::string>> headers = {}) {
    return call("GET", std::move(path), std::move(headers));
  }

  static Request request_for(std::string method, std::string path,
                             std::vector<std::pair<std::string, std::string>> headers) {
    Request request;
    request.method = std::move(method);
    request.path = path;
    request.target = std::move(path);
    for (auto& [name, value] : headers) request.headers.add(name, std::move(value));
    return request;
  }

  Response call(std::string method, std::string path, std::vector<std::pair<std::string, std::string>> headers = {}) {
    auto request = request_for(std::move(method), std::move(path), std::move(headers));
    return pipeline().handle(request);
  }

  Admission admit(std::string method, std::string path, std::vector<std::pair<std::string, std::string>> headers = {}) {
    auto request = request_for(std::move(method), std::move(path), std::move(headers));
    return pipeline().admit(request);
  }

  Pipeline pipeline() { return Pipeline{router, metrics, options}; }

  Router router;
  Metrics metrics;
  PipelineOptions options;
};

TEST_F(PipelineTest, AQueryParameterTheRouteDoesNotTakeIs400BeforeTheHandlerRuns) {
  int handled = 0;
  router.add("GET", "/filtered", Endpoint{[&handled](Request& r) {
                                   ++handled;
                                   return envelope(r, 200, boost::json::object{});
                                 }}.taking({"sentiment", "limit"}));
  auto request = request_for("GET", "/filtered", {});
  request.query = "sentimnet=negative";
  const auto refused = pipeline().handle(request);
  EXPECT_EQ(refused.status, 400);
  const auto error = json_of(refused).at("error");
  EXPECT_EQ(error.at("code"), "validation_failed");
  EXPECT_EQ(error.at("details").at(0).at("field"), "sentimnet");
  EXPECT_EQ(handled, 0);
  request.query = "sentiment=negative&limit=5";
  EXPECT_EQ(pipeline().handle(request).status, 200);
  EXPECT_EQ(handled, 1);
  auto plain = request_for("GET", "/small", {});
  plain.query = "x=1";
  EXPECT_EQ(pipeline().handle(plain).status, 400) << "a route that declares none takes none";
}

TEST_F(PipelineTest, ARouteTakingAnyQueryGetsIt) {
  router.add("GET", "/vk-like",
             Endpoint{[](Request& r) { return envelope(r, 200, boost::json::object{}); }}.taking_any());
  auto request = request_for("GET", "/vk-like", {});
  request.query = "owner_id=-1&count=100&v=5.199";
  EXPECT_EQ(pipeline().handle(request).status, 200);
}

TEST_F(PipelineTest, AnswersWithTheHandlersEnvelope) {
  const auto response = get("/small", {{"X-Request-Id", "client-id-1"}});
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.headers.get("Content-Type"), json_content_type);
  const auto body = json_of(response);
  EXPECT_EQ(body.at("data"), (boost::json::object{{"ok", true}}));
  EXPECT_TRUE(body.at("error").is_null());
  EXPECT_EQ(body.at("meta").at("request_id"), "client-id-1");
}

TEST_F(PipelineTest, EchoesAValidRequestId) {
  const auto response = get("/text", {{"x-request-id", "abc-123:xyz"}});
  EXPECT_EQ(response.headers.get("X-Request-Id"), "abc-123:xyz");
}

TEST_F(PipelineTest, ReplacesAMissingOrInvalidRequestId) {
  const auto fresh = get("/small");
  const auto id = std::string{fresh.headers.get("X-Request-Id").value_or("")};
  EXPECT_TRUE(is_valid_request_id(id));
  EXPECT_EQ(json_of(fresh).at("meta").at("request_id"), boost::json::value(id));
  const auto injected = get("/small", {{"X-Request-Id", "bad id\r\nSet-Cookie: a=b"}});
  const auto replaced = std::string{injected.headers.get("X-Request-Id").value_or("")};
  EXPECT_TRUE(is_valid_request_id(replaced));
  EXPECT_NE(replaced, id);
  EXPECT_THAT(replaced, Not(HasSubstr("bad")));
}

TEST_F(PipelineTest, ContinuesTheCallersTrace) {
  const std::string incoming = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  const auto response = get("/text", {{"traceparent", incoming}});
  const auto outgoing = std::string{response.headers.get("traceparent").value_or("")};
  ASSERT_EQ(outgoing.size(), 55u);
  EXPECT_EQ(outgoing.substr(0, 36), incoming.substr(0, 36));
  EXPECT_NE(outgoing.substr(36, 16), incoming.substr(36, 16));
  EXPECT_EQ(outgoing.substr(52), "-01");
}

TEST_F(PipelineTest, StartsATraceWithoutTraceparent) {
  const auto response = get("/text");
  EXPECT_EQ(response.headers.get("traceparent").value_or("").size(), 55u);
}

TEST_F(PipelineTest, UnknownPathIsNotFoundEnvelope) {
  const auto response = get("/nowhere", {{"X-Request-Id", "r1"}});
  EXPECT_EQ(response.status, 404);
  const auto body = json_of(response);
  EXPECT_TRUE(body.at("data").is_null());
  EXPECT_EQ(body.at("error").at("code"), "not_found");
  EXPECT_EQ(body.at("meta").at("request_id"), "r1");
  EXPECT_EQ(response.headers.get("X-Request-Id"), "r1");
}

TEST_F(PipelineTest, WrongMethodIs405WithAllowIncludingHeadForGet) {
  const auto response = call("PUT", "/large");
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(json_of(response).at("error").at("code"), "method_not_allowed");
  const auto allow = std::string{response.headers.get("Allow").value_or("")};
  EXPECT_EQ(allow, "GET, POST, DELETE, HEAD");
}

TEST_F(PipelineTest, AllowOmitsHeadWhenThereIsNoGet) {
  const auto response = call("GET", "/things");
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(response.headers.get("Allow"), "POST");
}

TEST_F(PipelineTest, ApiErrorBecomesEnvelopeWithDetailsAndHeaders) {
  const auto response = call("POST", "/things", {{"X-Request-Id", "r2"}});
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.headers.get("Retry-After"), "7");
  EXPECT_EQ(response.headers.get("Content-Type"), json_content_type);
  const auto body = json_of(response);
  EXPECT_TRUE(body.at("data").is_null());
  EXPECT_EQ(body.at("meta").at("request_id"), "r2");
  const auto& error = body.at("error").as_object();
  EXPECT_EQ(error.at("code"), "validation_failed");
  EXPECT_EQ(error.at("message"), "The body is not valid.");
  const auto& details = error.at("details").as_array();
  ASSERT_EQ(details.size(), 2u);
  EXPECT_EQ(details[0], (boost::json::object{{"field", "groups[0]"}, {"problem", "bad"}}));
  EXPECT_EQ(details[1], (boost::json::object{{"field", "name"}, {"problem", "too long"}}));
}

TEST_F(PipelineTest, ErrorWithoutDetailsHasNoDetailsMember) {
  const auto body = json_of(get("/missing-thing"));
  EXPECT_EQ(body.at("error").at("message"), "No such thing.");
  EXPECT_FALSE(body.at("error").as_object().contains("details"));
}

TEST_F(PipelineTest, OtherExceptionsAre500WithoutTheirText) {
  const auto response = get("/boom");
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(json_of(response).at("error").at("code"), "internal");
  EXPECT_THAT(response.body, Not(HasSubstr("hunter2")));
  EXPECT_THAT(response.body, Not(HasSubstr("SELECT")));
  EXPECT_FALSE(response.headers.get("ETag"));
}

TEST_F(PipelineTest, GetSuccessCarriesAWeakETag) {
  const auto first = get("/text");
  const auto tag = std::string{first.headers.get("ETag").value_or("")};
  EXPECT_TRUE(tag.starts_with("W/\""));
  EXPECT_EQ(get("/text").headers.get("ETag"), tag);
  EXPECT_NE(get("/large").headers.get("ETag"), tag);
}

TEST_F(PipelineTest, MatchingIfNoneMatchGives304WithoutBody) {
  const auto tag = std::string{get("/text").headers.get("ETag").value_or("")};
  const auto response = get("/text", {{"If-None-Match", "\"other\", " + tag}});
  EXPECT_EQ(response.status, 304);
  EXPECT_TRUE(response.body.empty());
  EXPECT_FALSE(response.headers.get("Content-Type"));
  EXPECT_EQ(response.headers.get("ETag"), tag);
  EXPECT_TRUE(response.headers.get("X-Request-Id"));
  EXPECT_EQ(get("/text", {{"If-None-Match", "\"other\""}}).status, 200);
}

TEST_F(PipelineTest, EnvelopeETagIgnoresTheRequestId) {
  const auto first = get("/small", {{"X-Request-Id", "one"}});
  const auto second = get("/small", {{"X-Request-Id", "two"}});
  EXPECT_NE(first.body, second.body);
  const auto tag = std::string{first.headers.get("ETag").value_or("")};
  EXPECT_EQ(second.headers.get("ETag"), tag);
  EXPECT_EQ(get("/small", {{"If-None-Match", tag}}).status, 304);
}

TEST_F(PipelineTest, HeadGetsTheETagAnd304Too) {
  const auto tag = std::string{call("HEAD", "/text").headers.get("ETag").value_or("")};
  EXPECT_EQ(tag, get("/text").headers.get("ETag"));
  EXPECT_EQ(call("HEAD", "/text", {{"If-None-Match", tag}}).status, 304);
}

TEST_F(PipelineTest, OnlyGet200HasAnETag) {
  EXPECT_FALSE(call("POST", "/large").headers.get("ETag"));
  EXPECT_EQ(call("POST", "/large", {{"If-None-Match", "*"}}).status, 200);
  EXPECT_FALSE(get("/created").headers.get("ETag"));
  EXPECT_EQ(get("/created", {{"If-None-Match", "*"}}).status, 201);
  EXPECT_EQ(get("/missing-thing", {{"If-None-Match", "*"}}).status, 404);
  EXPECT_FALSE(get("/stream").headers.get("ETag"));
}

TEST_F(PipelineTest, CompressesLargeJsonWithTheAcceptedCoding) {
  const auto gzipped = get("/large", {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(gzipped.headers.get("Content-Encoding"), "gzip");
  EXPECT_EQ(gzip_decompress(gzipped.body), large_json);
  EXPECT_EQ(values_of(gzipped.headers, "Vary"), std::vector<std::string>{"Accept-Encoding"});

  const auto brotli = get("/large", {{"Accept-Encoding", "gzip, deflate, br"}});
  EXPECT_EQ(brotli.headers.get("Content-Encoding"), "br");
  EXPECT_EQ(brotli_decompress(brotli.body), large_json);
}

TEST_F(PipelineTest, ETagIsTheSameWhateverTheEncoding) {
  const auto plain = get("/large");
  const auto gzipped = get("/large", {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(plain.headers.get("ETag"), gzipped.headers.get("ETag"));
}

TEST_F(PipelineTest, UsesAnETagAndAGzipMadeAhead) {
  const auto gzipped = get("/ready-made", {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(gzipped.headers.get("ETag"), "W/\"ready\"");
  EXPECT_EQ(gzipped.headers.get("Content-Encoding"), "gzip");
  EXPECT_EQ(gzipped.body, "ready gzip");
  EXPECT_EQ(brotli_decompress(get("/ready-made", {{"Accept-Encoding", "br"}}).body), large_json);
  EXPECT_EQ(get("/ready-made").body, large_json);
  EXPECT_EQ(get("/ready-made", {{"If-None-Match", "W/\"ready\""}}).status, 304);
}

TEST_F(PipelineTest, LargeBodyNotAcceptedCompressedStaysPlainButVaries) {
  for (const auto& accept : {std::string{}, std::string{"identity"}, std::string{"gzip;q=0, br;q=0"}}) {
    const auto response = accept.empty() ? get("/large") : get("/large", {{"Accept-Encoding", accept}});
    EXPECT_FALSE(response.headers.get("Content-Encoding")) << accept;
    EXPECT_EQ(response.body, large_json) << accept;
    EXPECT_EQ(values_of(response.headers, "Vary"), std::vector<std::string>{"Accept-Encoding"}) << accept;
  }
}

TEST_F(PipelineTest, CompressesFromOneKibibyteOn) {
  const auto exact = get("/exact", {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(exact.headers.get("Content-Encoding"), "gzip");
  const auto under = get("/just-under", {{"Accept-Encoding", "gzip"}});
  EXPECT_FALSE(under.headers.get("Content-Encoding"));
  EXPECT_EQ(under.body.size(), compression_threshold - 1);
  EXPECT_FALSE(under.headers.get("Vary"));
}

TEST_F(PipelineTest, LeavesIncompressibleTypesAndStreamsAlone) {
  const auto png = get("/png", {{"Accept-Encoding", "gzip, br"}});
  EXPECT_FALSE(png.headers.get("Content-Encoding"));
  EXPECT_EQ(png.body.size(), 5000u);
  EXPECT_FALSE(png.headers.get("Vary"));
  const auto stream = get("/stream", {{"Accept-Encoding", "gzip, br"}});
  EXPECT_FALSE(stream.headers.get("Content-Encoding"));
}

TEST_F(PipelineTest, NotModifiedStillSaysItVariesByEncoding) {
  // RFC 9110 §15.4.5: a 304 carries the Vary a 200 would have carried.
  const auto tag = std::string{get("/large").headers.get("ETag").value_or("")};
  const auto response = get("/large", {{"If-None-Match", tag}, {"Accept-Encoding", "gzip"}});
  EXPECT_EQ(response.status, 304);
  EXPECT_FALSE(response.headers.get("Content-Encoding"));
  EXPECT_EQ(values_of(response.headers, "Vary"), std::vector<std::string>{"Accept-Encoding"});
}

TEST_F(PipelineTest, AllowedOriginGetsCorsHeaders) {
  options.cors_origins = {"https://dash.example"};
  const auto response = get("/text", {{"Origin", "https://dash.example"}});
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.headers.get("Access-Control-Allow-Origin"), "https://dash.example");
  EXPECT_EQ(response.headers.get("Access-Control-Allow-Credentials"), "true");
  EXPECT_THAT(std::string{response.headers.get("Access-Control-Expose-Headers").value_or("")},
              HasSubstr("X-Request-Id"));
  EXPECT_EQ(values_of(response.headers, "Vary"), std::vector<std::string>{"Origin"});
}

TEST_F(PipelineTest, VaryListsBothOriginAndEncoding) {
  options.cors_origins = {"https://dash.example"};
  const auto response = get("/large", {{"Origin", "https://dash.example"}, {"Accept-Encoding", "br"}});
  EXPECT_THAT(values_of(response.headers, "Vary"), ::testing::UnorderedElementsAre("Origin", "Accept-Encoding"));
}

TEST_F(PipelineTest, OtherOriginsGetNoCorsHeaders) {
  options.cors_origins = {"https://dash.example"};
  for (const auto* origin : {"https://evil.example", "https://dash.example.evil", "null"}) {
    const auto response = get("/text", {{"Origin", origin}});
    EXPECT_EQ(response.status, 200);
    EXPECT_FALSE(response.headers.get("Access-Control-Allow-Origin")) << origin;
    EXPECT_FALSE(response.headers.get("Access-Control-Allow-Credentials")) << origin;
    EXPECT_EQ(values_of(response.headers, "Vary"), std::vector<std::string>{"Origin"}) << origin;
  }
  const auto without_origin = get("/text");
  EXPECT_FALSE(without_origin.headers.get("Access-Control-Allow-Origin"));
  // Cached without Origin, it must not be handed to a cross-origin caller.
  EXPECT_EQ(values_of(without_origin.headers, "Vary"), std::vector<std::string>{"Origin"});
}

TEST_F(PipelineTest, NoConfiguredOriginsMeansNoCors) {
  const auto response = get("/text", {{"Origin", "https://dash.example"}});
  EXPECT_FALSE(response.headers.get("Access-Control-Allow-Origin"));
  EXPECT_FALSE(response.headers.get("Vary"));
}

TEST_F(PipelineTest, WildcardOriginNeverComesWithCredentials) {
  options.cors_origins = {"*"};
  const auto response = get("/text", {{"Origin", "https://any.example"}});
  EXPECT_EQ(response.headers.get("Access-Control-Allow-Origin"), "*");
  EXPECT_FALSE(response.headers.get("Access-Control-Allow-Credentials"));
}

TEST_F(PipelineTest, EveryAnswerForbidsSniffingAndReferrers) {
  for (const auto& response : {get("/text"), get("/missing-thing")}) {
    EXPECT_EQ(response.headers.get("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(response.headers.get("Referrer-Policy"), "no-referrer");
  }
}

TEST_F(PipelineTest, HtmlWithoutAPolicyGetsAStrictOne) {
  EXPECT_FALSE(get("/text").headers.get("Content-Security-Policy"));
  router.add("GET", "/page", [](Request&) { return body_response("text/html; charset=utf-8", "<p>hi</p>"); });
  EXPECT_THAT(std::string{get("/page").headers.get("Content-Security-Policy").value_or("")},
              HasSubstr("default-src 'self'"));
}

TEST_F(PipelineTest, AnswersToACredentialAreNotStored) {
  EXPECT_EQ(get("/text", {{"Authorization", "Bearer k"}}).headers.get("Cache-Control"), "no-store");
  EXPECT_FALSE(get("/text").headers.get("Cache-Control"));
}

TEST_F(PipelineTest, NotFoundDoesNotEchoThePath) {
  const auto response = get("/<script>alert(1)</script>");
  EXPECT_EQ(response.status, 404);
  EXPECT_THAT(response.body, Not(HasSubstr("script")));
}

TEST_F(PipelineTest, ErrorsToAnAllowedOriginCarryCorsHeadersToo) {
  // Without them the browser hides the error envelope from the dashboard.
  options.cors_origins = {"https://dash.example"};
  const auto missing = get("/missing-thing", {{"Origin", "https://dash.example"}});
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.headers.get("Access-Control-Allow-Origin"), "https://dash.example");
  const auto unrouted = get("/nowhere", {{"Origin", "https://dash.example"}});
  EXPECT_EQ(unrouted.headers.get("Access-Control-Allow-Origin"), "https://dash.example");
  const auto crashed = get("/boom", {{"Origin", "https://dash.example"}});
  EXPECT_EQ(crashed.headers.get("Access-Control-Allow-Origin"), "https://dash.example");
}

TEST_F(PipelineTest, PreflightFromAllowedOriginIs204) {
  options.cors_origins = {"https://dash.example"};
  const auto response = call("OPTIONS", "/things",
                             {{"Origin", "https://dash.example"},
                              {"Access-Control-Request-Method", "POST"},
                              {"Access-Control-Request-Headers", "content-type, idempotency-key"}});
  EXPECT_EQ(response.status, 204);
  EXPECT_TRUE(response.body.empty());
  EXPECT_EQ(response.headers.get("Access-Control-Allow-Origin"), "https://dash.example");
  const auto methods = std::string{response.headers.get("Access-Control-Allow-Methods").value_or("")};
  EXPECT_THAT(methods, HasSubstr("POST"));
  EXPECT_THAT(methods, HasSubstr("DELETE"));
  const auto headers = std::string{response.headers.get("Access-Control-Allow-Headers").value_or("")};
  for (const auto* name : {"Authorization", "Content-Type", "Idempotency-Key", "If-None-Match", "X-Request-Id"})
    EXPECT_THAT(headers, HasSubstr(name));
  EXPECT_TRUE(response.headers.get("Access-Control-Max-Age"));
}

TEST_F(PipelineTest, PreflightFromOtherOriginIs403) {
  options.cors_origins = {"https://dash.example"};
  const auto response =
      call("OPTIONS", "/things", {{"Origin", "https://evil.example"}, {"Access-Control-Request-Method", "POST"}});
  EXPECT_EQ(response.status, 403);
  EXPECT_EQ(json_of(response).at("error").at("code"), "forbidden");
  EXPECT_FALSE(response.headers.get("Access-Control-Allow-Origin"));
}

TEST_F(PipelineTest, PlainOptionsIsRoutedNormally) {
  options.cors_origins = {"https://dash.example"};
  const auto response = call("OPTIONS", "/things", {{"Origin", "https://dash.example"}});
  EXPECT_EQ(response.status, 405);
}

TEST_F(PipelineTest, RejectAnswersTheServersOwnErrorAsEnvelope) {
  Request request;
  request.method = "POST";
  request.headers.add("X-Request-Id", "big-1");
  const auto response = pipeline().reject(request, payload_too_large("Too big."));
  EXPECT_EQ(response.status, 413);
  EXPECT_EQ(response.headers.get("X-Request-Id"), "big-1");
  EXPECT_EQ(json_of(response).at("error").at("code"), "payload_too_large");
}

TEST_F(PipelineTest, BodyLimitFallsBackToTheServersDefault) {
  router.add(
      "POST", "/upload", [](Request&) { return Response{}; }, 10'000'000);
  const auto p = pipeline();
  EXPECT_EQ(p.max_body_bytes("POST", "/upload", 2048), 10'000'000u);
  EXPECT_EQ(p.max_body_bytes("POST", "/things", 2048), 2048u);
  EXPECT_EQ(p.max_body_bytes("POST", "/nowhere", 2048), 2048u);
}

TEST_F(PipelineTest, RecordCountsRequestsByRoutePatternAndStatus) {
  Request request;
  request.method = "GET";
  request.path = "/api/v1/tasks/secret-looking-id";
  request.route = "/api/v1/tasks/{id}";
  const auto p = pipeline();
  p.record(request, 200, 10, std::chrono::milliseconds{3});
  p.record(request, 200, 10, std::chrono::milliseconds{30});
  Request unmatched;
  unmatched.method = "GET";
  unmatched.path = "/x";
  p.record(unmatched, 404, 0, std::chrono::milliseconds{1});
  Request invented;
  invented.method = std::string(12'000, 'X');
  p.record(invented, 400, 0, std::chrono::milliseconds{1});
  const auto text = metrics.render();
  EXPECT_THAT(text,
              HasSubstr("vka_http_requests_total{route=\"/api/v1/tasks/{id}\",method=\"GET\",status=\"200\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("vka_http_requests_total{route=\"unmatched\",method=\"GET\",status=\"404\"} 1\n"));
  EXPECT_THAT(text,
              HasSubstr("vka_http_request_duration_seconds_bucket{route=\"/api/v1/tasks/{id}\",le=\"0.005\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("vka_http_request_duration_seconds_count{route=\"/api/v1/tasks/{id}\"} 2\n"));
  EXPECT_THAT(text, Not(HasSubstr("secret-looking-id")));
  EXPECT_THAT(text, HasSubstr("vka_http_requests_total{route=\"unmatched\",method=\"other\",status=\"400\"} 1\n"));
  EXPECT_THAT(text, Not(HasSubstr("XXXX")));
}

// Refuses requests without a "Key" header, and counts what it admitted.
class KeyGate final : public Gate {
 public:
  std::shared_ptr<void> admit(const Request& request, const Route& route) const override {
    if (route.access == Access::credential && !request.headers.get("Key")) throw unauthorized();
    ++admitted;
    return std::make_shared<int>(1);
  }
  mutable int admitted = 0;
};

TEST_F(PipelineTest, AdmissionAnswersUnknownRoutesAndRefusalsOnTheHeaderAlone) {
  KeyGate gate;
  options.gate = &gate;
  router.add("POST", "/guarded",
             Endpoint{[](Request&) { return body_response("text/plain", "in"); }, Access::credential, Cost::expensive});
  const auto unknown = admit("POST", "/nowhere");
  ASSERT_TRUE(unknown.refusal);
  EXPECT_EQ(unknown.refusal->status, 404);
  EXPECT_EQ(admit("PUT", "/guarded").refusal->status, 405);
  const auto refused = admit("POST", "/guarded");
  ASSERT_TRUE(refused.refusal);
  EXPECT_EQ(refused.refusal->status, 401);
  EXPECT_EQ(refused.refusal->headers.get("X-Content-Type-Options"), "nosniff");
  const auto admitted = admit("POST", "/guarded", {{"Key", "k"}});
  EXPECT_FALSE(admitted.refusal);
  EXPECT_TRUE(admitted.hold);
  EXPECT_EQ(admitted.cost, Cost::expensive);
  EXPECT_FALSE(admit("OPTIONS", "/guarded", {{"Access-Control-Request-Method", "POST"}}).refusal);
  EXPECT_EQ(gate.admitted, 1);
}

}  // namespace
}  // namespace vka::http
