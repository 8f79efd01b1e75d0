#include <gtest/gtest.h>
#include <boost/json/parse.hpp>

#include <set>

#include "api/routes.hpp"
#include "api/vk_token_json.hpp"

namespace vka::api {
namespace {

store::VkToken stored_token() {
  return {"vt_1",
          "k_owner",
          "main",
          store::VkTokenKind::service,
          {1, 2, 3},
          "vk1.a.…xY",
          *domain::parse_rfc3339("2026-11-23T15:41:02Z")};
}

TEST(VkTokenJson, HasTheContractsFieldsAndNothingSecret) {
  const auto json = vk_token_to_json(stored_token());
  EXPECT_EQ(json, (boost::json::object{{"id", "vt_1"},
                                       {"name", "main"},
                                       {"kind", "service"},
                                       {"masked", "vk1.a.…xY"},
                                       {"created_at", "2026-11-23T15:41:02Z"}}));
}

TEST(VkTokenJson, OpenApiSchemaNamesWhatItWrites) {
  const auto document = boost::json::parse(openapi_document());
  const auto& schema = document.at("components").at("schemas").at("VkToken").as_object();
  std::set<std::string> documented;
  for (const auto& member : schema.at("properties").as_object()) documented.emplace(member.key());
  std::set<std::string> written;
  for (const auto& member : vk_token_to_json(stored_token())) written.emplace(member.key());
  EXPECT_EQ(documented, written);
  std::set<std::string> kinds;
  for (const auto& kind : schema.at("properties").at("kind").at("enum").as_array()) {
    kinds.emplace(kind.as_string());
    EXPECT_TRUE(store::parse_vk_token_kind(kind.as_string())) << kind;
  }
  EXPECT_EQ(kinds, (std::set<std::string>{"user", "service", "community"}));
}

TEST(VkTokenJson, CreateSchemaNamesTheAcceptedFields) {
  const auto document = boost::json::parse(openapi_document());
  const auto& schema = document.at("components").at("schemas").at("VkTokenCreate").as_object();
  std::set<std::string> documented;
  for (const auto& member : schema.at("properties").as_object()) documented.emplace(member.key());
  EXPECT_EQ(documented, (std::set<std::string>{"name", "token", "kind"}));
}

}  // namespace
}  // namespace vka::api
