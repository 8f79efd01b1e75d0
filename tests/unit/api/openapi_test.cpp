// The served OpenAPI document must stay true to the code: same operations as the router,
// resolvable references, and schemas that name exactly what the JSON writers produce.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/json/parse.hpp>

#include <atomic>
#include <filesystem>
#include <random>
#include <set>

#include "analysis/analyzer.hpp"
#include "api/account_json.hpp"
#include "api/analysis_json.hpp"
#include "api/routes.hpp"
#include "api/task_json.hpp"
#include "domain/task.hpp"
#include "http/tracing.hpp"

namespace vka::api {
namespace {

using Operation = std::pair<std::string, std::string>;  // lowercase method, path pattern

const boost::json::object& document() {
  static const auto parsed = boost::json::parse(openapi_document());
  return parsed.as_object();
}

std::string lowercase(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::set<std::string> property_names(std::string_view schema) {
  std::set<std::string> names;
  for (const auto& member : document().at("components").at("schemas").at(schema).at("properties").as_object())
    names.emplace(member.key());
  return names;
}

std::set<std::string> keys_of(const boost::json::value& value) {
  std::set<std::string> keys;
  for (const auto& member : value.as_object()) keys.emplace(member.key());
  return keys;
}

class OpenApiRoutes : public ::testing::Test {
 protected:
  OpenApiRoutes()
      : directory(std::filesystem::temp_directory_path() / ("vka-openapi-test-" + http::random_hex(8))),
        store((std::filesystem::create_directories(directory),
               store::open_store("sqlite://" + (directory / "test.db").string()))),
        master_key(auth::SecretKey::random()),
        sessions(*store, master_key, {}),
        authenticator(*store, auth::ApiKeyHasher{auth::SecretKey::random()}, sessions, std::nullopt,
                      auth::ViewerScope::shared_only),
        analyzer(std::make_shared<const analysis::Lexicon>(analysis::Lexicon::load_builtin())),
        vk_tokens(store->vk_tokens(), auth::SecretKey::random()),
        webhook_secrets(auth::SecretKey::random()),
        services{*store, authenticator, metrics, analyzer, shutting_down, vk_tokens, webhook_secrets} {
    add_all_routes(router, services);
  }
  ~OpenApiRoutes() override {
    store.reset();
    std::error_code ignored;
    std::filesystem::remove_all(directory, ignored);
  }

  std::filesystem::path directory;
  std::unique_ptr<store::Store> store;
  auth::SecretKey master_key;
  Sessions sessions;
  Authenticator authenticator;
  http::Metrics metrics;
  analysis::Analyzer analyzer;
  std::atomic<bool> shutting_down{false};
  auth::VkTokenVault vk_tokens;
  auth::WebhookSecrets webhook_secrets;
  Services services;
  http::Router router;
};

std::set<Operation> documented_operations() {
  static const std::set<std::string> methods{"get", "put", "post", "delete", "options", "head", "patch", "trace"};
  std::set<Operation> operations;
  for (const auto& [path, item] : document().at("paths").as_object())
    for (const auto& member : item.as_object())
      if (methods.contains(std::string{member.key()})) operations.emplace(member.key(), path);
  return operations;
}

TEST(OpenApiDocument, IsJsonForOpenApi31) {
  boost::system::error_code error;
  const auto value = boost::json::parse(openapi_document(), error);
  ASSERT_FALSE(error) << error.message();
  ASSERT_TRUE(value.is_object());
  EXPECT_EQ(value.at("openapi"), "3.1.0");
  EXPECT_TRUE(value.at("info").at("title").is_string());
  EXPECT_TRUE(value.at("info").at("version").is_string());
}

TEST_F(OpenApiRoutes, EveryRouteIsDocumentedAndEveryDocumentedOperationIsRouted) {
  std::set<Operation> routed;
  for (const auto& route : router.routes()) routed.emplace(lowercase(route.method), route.pattern);
  const auto documented = documented_operations();
  for (const auto& [method, path] : routed)
    EXPECT_TRUE(documented.contains({method, path})) << method << " " << path << " is routed but not documented";
  for (const auto& [method, path] : documented)
    EXPECT_TRUE(routed.contains({method, path})) << method << " " << path << " is documented but not routed";
  EXPECT_FALSE(routed.empty());
}

// Probes answer envelopes whose data the Health and Readiness schemas describe.
TEST_F(OpenApiRoutes, ProbeSchemasNameWhatTheProbesWrite) {
  for (const auto& [path, schema] : {std::pair{"/healthz", "Health"}, std::pair{"/readyz", "Readiness"}}) {
    http::Request request;
    request.method = "GET";
    request.path = path;
    const auto match = router.match(request);
    ASSERT_NE(match.route, nullptr) << path;
    const auto data = boost::json::parse(match.route->handler(request).body).at("data");
    EXPECT_EQ(property_names(schema), keys_of(data)) << path;
    if (const auto* checks = data.as_object().if_contains("checks")) {
      EXPECT_EQ(
          keys_of(document().at("components").at("schemas").at(schema).at("properties").at("checks").at("properties")),
          keys_of(*checks));
    }
  }
}

TEST_F(OpenApiRoutes, DocumentServedIsTheEmbeddedOne) {
  http::Request request;
  request.method = "GET";
  request.path = "/api/v1/openapi.json";
  const auto match = router.match(request);
  ASSERT_NE(match.route, nullptr);
  const auto response = match.route->handler(request);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, openapi_document());
  EXPECT_TRUE(response.headers.get("Content-Type").value_or("").starts_with("application/json"));
}

void collect_refs(const boost::json::value& value, std::vector<std::string>& refs) {
  if (value.is_object()) {
    for (const auto& member : value.as_object()) {
      if (member.key() == "$ref" && member.value().is_string())
        refs.emplace_back(member.value().as_string());
      else
        collect_refs(member.value(), refs);
    }
  } else if (value.is_array()) {
    for (const auto& item : value.as_array()) collect_refs(item, refs);
  }
}

// The router refuses query parameters a route does not declare (http/query_names.hpp), so the document must
// name exactly the declared ones.
TEST_F(OpenApiRoutes, QueryParametersAreExactlyThoseTheRouteTakes) {
  for (const auto& route : router.routes()) {
    ASSERT_TRUE(route.query_names) << route.method << " " << route.pattern << " takes any query";
    const std::set<std::string> taken(route.query_names->begin(), route.query_names->end());
    const auto& operation = document().at("paths").at(route.pattern).at(lowercase(route.method)).as_object();
    std::set<std::string> documented;
    if (const auto* parameters = operation.if_contains("parameters")) {
      for (const auto& parameter : parameters->as_array())
        if (parameter.at("in") == "query") documented.emplace(parameter.at("name").as_string());
    }
    EXPECT_EQ(taken, documented) << route.method << " " << route.pattern;
  }
}

TEST(OpenApiDocument, EveryRefResolvesInsideTheDocument) {
  std::vector<std::string> refs;
  collect_refs(document(), refs);
  EXPECT_FALSE(refs.empty());
  const boost::json::value whole = document();
  for (const auto& ref : refs) {
    ASSERT_TRUE(ref.starts_with("#/")) << ref << " is not a local reference";
    boost::system::error_code error;
    EXPECT_NE(whole.find_pointer(std::string_view{ref}.substr(1), error), nullptr) << ref << " does not resolve";
  }
}

TEST(OpenApiDocument, PathParametersAreDeclared) {
  for (const auto& [path, item] : document().at("paths").as_object()) {
    std::set<std::string> in_path;
    for (std::size_t open = path.find('{'); open != std::string_view::npos; open = path.find('{', open + 1))
      in_path.emplace(path.substr(open + 1, path.find('}', open) - open - 1));
    for (const auto& [method, operation] : item.as_object()) {
      if (!operation.is_object() || !operation.as_object().contains("responses")) continue;
      std::set<std::string> declared;
      for (const auto* level : {&item.as_object(), &operation.as_object()})
        if (const auto* parameters = level->if_contains("parameters"))
          for (const auto& parameter : parameters->as_array())
            if (parameter.at("in") == "path") declared.emplace(parameter.at("name").as_string());
      EXPECT_EQ(declared, in_path) << method << " " << path;
    }
  }
}

TEST(OpenApiDocument, TaskSchemasNameWhatTaskToJsonWrites) {
  domain::Task task;
  task.errors.push_back({"task", "internal", std::nullopt, "m", {}});
  const auto json = task_to_json(task);
  EXPECT_EQ(property_names("Task"), keys_of(json));
  EXPECT_EQ(property_names("TaskParams"), keys_of(json.at("params")));
  EXPECT_EQ(property_names("TaskProgress"), keys_of(json.at("progress")));
  EXPECT_EQ(property_names("TaskError"), keys_of(json.at("errors").at(0)));
  for (const auto& required : document().at("components").at("schemas").at("Task").at("required").as_array())
    EXPECT_TRUE(json.contains(required.as_string())) << required;
}

TEST(OpenApiDocument, TextAnalysisSchemaNamesWhatAnalysisToJsonWrites) {
  const analysis::Analyzer analyzer{std::make_shared<const analysis::Lexicon>(analysis::Lexicon::load_builtin())};
  const auto json = analysis_to_json(analyzer.analyze("Отличная новость, спасибо!"));
  EXPECT_EQ(property_names("TextAnalysis"), keys_of(json));
}

TEST(OpenApiDocument, AccountSchemasNameWhatTheAccountWritersWrite) {
  const store::User user{.id = "u_1", .username = "ann", .display_name = "Ann", .created_at = domain::now()};
  EXPECT_EQ(property_names("User"), keys_of(user_to_json(user)));
  const store::ApiKey key{.id = "k_1", .name = "ci", .created_at = domain::now()};
  EXPECT_EQ(property_names("ApiKey"), keys_of(api_key_to_json(key, true)));
  const store::AuditEntry entry{.id = "ae_1", .at = domain::now(), .actor_type = "user", .actor_id = "u_1"};
  const auto audit = audit_entry_to_json(entry);
  EXPECT_EQ(property_names("AuditEntry"), keys_of(audit));
  const auto& actor = document().at("components").at("schemas").at("AuditEntry").at("properties").at("actor");
  EXPECT_EQ(keys_of(actor.at("properties")), keys_of(audit.at("actor")));
}

TEST(OpenApiDocument, TaskCreateNamesTheParametersTheScheduleAndTheWebhook) {
  auto parameters = property_names("TaskParams");
  parameters.insert("schedule");
  parameters.insert("webhook");
  EXPECT_EQ(property_names("TaskCreate"), parameters);
}

TEST(OpenApiDocument, TaskStatusEnumIsEveryDomainStatus) {
  std::set<std::string> documented;
  for (const auto& status : document().at("components").at("schemas").at("TaskStatus").at("enum").as_array()) {
    documented.emplace(status.as_string());
    EXPECT_TRUE(domain::parse_task_status(status.as_string())) << status;
  }
  std::set<std::string> domain_statuses;
  for (const auto status : {domain::TaskStatus::queued, domain::TaskStatus::running, domain::TaskStatus::paused,
                            domain::TaskStatus::completed, domain::TaskStatus::completed_with_errors,
                            domain::TaskStatus::failed, domain::TaskStatus::canceled})
    domain_statuses.emplace(domain::to_string(status));
  EXPECT_EQ(documented, domain_statuses);
}

}  // namespace
}  // namespace vka::api
