#include <gtest/gtest.h>
#include <boost/json/parse.hpp>

#include <map>
#include <optional>
#include <stdexcept>

#include "api/idempotency.hpp"
#include "error_matchers.hpp"
#include "http/api_error.hpp"

namespace vka::api {
namespace {

using testing::api_error_of;

// Keeps entries the way the contract of IdempotencyRepository describes, and counts calls.
class FakeIdempotencyRepository : public store::IdempotencyRepository {
 public:
  store::IdempotencyBegin begin(std::string_view owner, std::string_view key, std::string_view request_hash,
                                domain::Timestamp) override {
    ++begins;
    const auto [it, inserted] = entries.try_emplace({std::string{owner}, std::string{key}});
    if (inserted) {
      it->second.request_hash = request_hash;
      return {};
    }
    if (it->second.request_hash != request_hash) return {store::IdempotencyBegin::Outcome::mismatch, {}};
    if (!it->second.response) return {store::IdempotencyBegin::Outcome::in_flight, {}};
    return {store::IdempotencyBegin::Outcome::replay, *it->second.response};
  }
  bool complete(std::string_view owner, std::string_view key, const store::StoredResponse& response) override {
    const auto it = entries.find({std::string{owner}, std::string{key}});
    if (it == entries.end()) return false;
    it->second.response = response;
    return true;
  }
  void abandon(std::string_view owner, std::string_view key) override {
    ++abandons;
    entries.erase({std::string{owner}, std::string{key}});
  }

  struct Entry {
    std::string request_hash;
    std::optional<store::StoredResponse> response;
  };
  std::map<std::pair<std::string, std::string>, Entry> entries;
  int begins = 0;
  int abandons = 0;
};

http::Request post(std::string body, std::optional<std::string> key = "key-1", std::string path = "/api/v1/tasks") {
  http::Request request;
  request.method = "POST";
  request.path = std::move(path);
  request.headers.add("Content-Type", "application/json");
  if (key) request.headers.add("Idempotency-Key", *key);
  request.body = std::move(body);
  request.request_id = "req-1";
  return request;
}

http::Response created(std::string body) {
  http::Response response;
  response.status = 201;
  response.headers.set("Content-Type", "application/json; charset=utf-8");
  response.headers.set("Location", "/api/v1/tasks/t_1");
  response.body = std::move(body);
  return response;
}

class RunIdempotently : public ::testing::Test {
 protected:
  http::Response run(http::Request request, const std::function<http::Response()>& handler,
                     std::string_view owner = "owner-1") {
    return run_idempotently(request, owner, repository, [&] {
      ++handler_runs;
      return handler();
    });
  }
  http::Response run(http::Request request, std::string_view owner = "owner-1") {
    return run(
        std::move(request), [&] { return created(R"({"n":)" + std::to_string(handler_runs) + "}"); }, owner);
  }

  FakeIdempotencyRepository repository;
  int handler_runs = 0;
};

TEST_F(RunIdempotently, WithoutTheHeaderJustRuns) {
  EXPECT_EQ(run(post("{}", std::nullopt)).status, 201);
  EXPECT_EQ(run(post("{}", std::nullopt)).status, 201);
  EXPECT_EQ(handler_runs, 2);
  EXPECT_EQ(repository.begins, 0);
}

TEST_F(RunIdempotently, InvalidKeyIs400AndDoesNotRun) {
  for (const auto& key : {std::string{}, std::string(256, 'k'), std::string{"tab\there"}, std::string{"ключ"},
                          std::string{"nul\0x", 5}, std::string{"del\x7f"}}) {
    const auto error = api_error_of([&] { run(post("{}", key)); });
    EXPECT_EQ(error.status(), 400);
    EXPECT_EQ(error.code(), "validation_failed");
    ASSERT_EQ(error.details().size(), 1u);
    EXPECT_EQ(error.details()[0].field, "Idempotency-Key");
  }
  EXPECT_EQ(handler_runs, 0);
  EXPECT_EQ(repository.begins, 0);
}

TEST_F(RunIdempotently, KeyRulesArePrintableAsciiUpTo255) {
  EXPECT_TRUE(is_valid_idempotency_key("a"));
  EXPECT_TRUE(is_valid_idempotency_key(std::string(255, '~')));
  EXPECT_TRUE(is_valid_idempotency_key("3f0c2a1e-8b7d-4c1a-9f2e-1b2c3d4e5f60"));
  EXPECT_TRUE(is_valid_idempotency_key("with space"));
  EXPECT_FALSE(is_valid_idempotency_key(""));
  EXPECT_FALSE(is_valid_idempotency_key(std::string(256, 'a')));
  EXPECT_FALSE(is_valid_idempotency_key("line\nbreak"));
}

TEST_F(RunIdempotently, FirstRunStoresStatusHeadersAndBody) {
  const auto response = run(post(R"({"groups":[1]})"));
  EXPECT_EQ(response.status, 201);
  EXPECT_FALSE(response.headers.get("Idempotent-Replayed"));
  const auto& entry = repository.entries.at({"owner-1", "key-1"});
  ASSERT_TRUE(entry.response);
  EXPECT_EQ(entry.response->status, 201);
  EXPECT_EQ(entry.response->body, response.body);
  EXPECT_EQ(entry.response->headers, response.headers.fields());
}

TEST_F(RunIdempotently, SameRequestReplaysTheSameBytes) {
  const auto first = run(post(R"({"groups":[1]})"));
  const auto second = run(post(R"({"groups":[1]})"));
  EXPECT_EQ(handler_runs, 1);
  EXPECT_EQ(second.status, first.status);
  EXPECT_EQ(second.body, first.body);
  EXPECT_EQ(second.headers.get("Location"), "/api/v1/tasks/t_1");
  EXPECT_EQ(second.headers.get("Content-Type"), first.headers.get("Content-Type"));
  EXPECT_EQ(second.headers.get("Idempotent-Replayed"), "true");
}

TEST_F(RunIdempotently, SameKeyWithAnotherRequestIs422) {
  run(post(R"({"groups":[1]})"));
  auto other_content_type = post(R"({"groups":[1]})");
  other_content_type.headers.set("Content-Type", "application/json; charset=utf-8");
  for (const auto& request :
       {post(R"({"groups":[2]})"), post(R"({"groups":[1]})", "key-1", "/api/v1/tasks/t_1/pause"), other_content_type}) {
    const auto error = api_error_of([&] { run(request); });
    EXPECT_EQ(error.status(), 422);
    EXPECT_EQ(error.code(), "idempotency_key_reused");
  }
  EXPECT_EQ(handler_runs, 1);
}

TEST_F(RunIdempotently, KeysBelongToTheirOwner) {
  run(post("{}"), "owner-1");
  run(post(R"({"other":1})"), "owner-2");
  EXPECT_EQ(handler_runs, 2);
}

TEST_F(RunIdempotently, StillRunningIs409) {
  // The same request arrives again while the first one's handler is still running.
  std::optional<http::ApiError> concurrent;
  const auto first = run(post("{}"), [&] {
    concurrent = api_error_of([&] { run(post("{}")); });
    return created("{}");
  });
  ASSERT_TRUE(concurrent);
  EXPECT_EQ(concurrent->status(), 409);
  EXPECT_EQ(concurrent->code(), "conflict");
  EXPECT_EQ(first.status, 201);
  EXPECT_EQ(handler_runs, 1);
}

TEST_F(RunIdempotently, ClientErrorsAreRememberedAsEnvelopes) {
  const auto fail = [&]() -> http::Response {
    auto error = http::validation_failed("Bad body.", {{"groups[0]", "bad"}});
    error.headers.emplace_back("X-Extra", "1");
    throw error;
  };
  const auto first = run(post("{}"), fail);
  EXPECT_EQ(first.status, 400);
  EXPECT_EQ(first.headers.get("X-Extra"), "1");
  const auto body = boost::json::parse(first.body);
  EXPECT_EQ(body.at("error").at("code"), "validation_failed");
  EXPECT_EQ(body.at("meta").at("request_id"), "req-1");
  const auto replayed = run(post("{}"), fail);
  EXPECT_EQ(handler_runs, 1);
  EXPECT_EQ(replayed.status, 400);
  EXPECT_EQ(replayed.body, first.body);
  EXPECT_EQ(replayed.headers.get("Idempotent-Replayed"), "true");
}

TEST_F(RunIdempotently, ServerErrorsAreForgottenSoARetryRunsAgain) {
  EXPECT_THROW(run(post("{}"),
                   []() -> http::Response {
                     throw http::ApiError{503, "unavailable", "Later."};
                   }),
               http::ApiError);
  EXPECT_EQ(repository.abandons, 1);
  EXPECT_THROW(run(post("{}"), []() -> http::Response { throw std::runtime_error("database is locked"); }),
               std::runtime_error);
  EXPECT_EQ(repository.abandons, 2);
  const auto failed = run(post("{}"), [] {
    http::Response response;
    response.status = 500;
    return response;
  });
  EXPECT_EQ(failed.status, 500);
  EXPECT_EQ(repository.abandons, 3);
  EXPECT_TRUE(repository.entries.empty());
  EXPECT_EQ(run(post("{}")).status, 201);
  EXPECT_EQ(handler_runs, 4);
}

TEST_F(RunIdempotently, StreamedResponsesAreNotRemembered) {
  class OneChunk : public http::BodyStream {
   public:
    std::optional<std::string> next_chunk() override { return std::nullopt; }
  };
  const auto streamed = run(post("{}"), [] {
    http::Response response;
    response.stream = std::make_shared<OneChunk>();
    return response;
  });
  EXPECT_TRUE(streamed.stream);
  EXPECT_EQ(repository.abandons, 1);
  EXPECT_TRUE(repository.entries.empty());
}

}  // namespace
}  // namespace vka::api
