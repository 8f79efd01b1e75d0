#include "collect/batch_analysis.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "analyzer_fixture.hpp"
#include "vk/parse.hpp"

namespace vka::collect {
namespace {

using testing::analyzer;

// The response of one wall.getComments call: two top-level comments, the first with one inline reply.
vk::Payload comments_payload() {
  auto envelope = vk::parse_envelope(R"({"response": {"count": 2, "current_level_count": 2, "items": [
      {"id": 1, "from_id": 5, "date": 1000, "text": "Отличная новость, спасибо!", "post_id": 10, "owner_id": -1,
       "parents_stack": [], "thread": {"count": 1, "items": [
         {"id": 2, "from_id": 6, "date": 1001, "text": "reply", "post_id": 10, "owner_id": -1,
          "parents_stack": [1], "reply_to_comment": 1}]}},
      {"id": 3, "from_id": 7, "date": 1002, "text": "second", "post_id": 10, "owner_id": -1, "parents_stack": []}],
    "profiles": [], "groups": []}})");
  if (!envelope || !std::holds_alternative<vk::Success>(*envelope)) throw std::runtime_error("bad test response");
  return std::get<vk::Success>(*envelope).response;
}

TEST(BatchAnalysis, GivesEachCommentsCallItsPageAnalysedInPageOrderOrItsFailure) {
  const std::vector<PlannedCall> calls{{vk::Request{}, WallCall{-1, 0}},
                                       {vk::Request{}, TopCommentsCall{-1, 10, 0}},
                                       {vk::Request{}, BranchCall{-1, 10, 1, 0}}};
  vk::VkFailure refused;
  refused.code = "vk_access_denied";
  const std::vector<CallResult> results{comments_payload(), comments_payload(), refused};
  BatchAnalysis analysis(calls, results, analyzer());

  AnalysedResult top = analysis.take(1);
  ASSERT_TRUE(std::holds_alternative<AnalysedPage>(top));
  const auto& comments = std::get<AnalysedPage>(top).comments;
  ASSERT_EQ(comments.size(), 3u);
  EXPECT_EQ(comments[0].id, 1);
  EXPECT_EQ(comments[0].thread_root_id, std::nullopt);
  EXPECT_TRUE(comments[0].sentiment.has_value());
  EXPECT_FALSE(comments[0].stems.empty());
  EXPECT_EQ(comments[1].id, 2);
  EXPECT_EQ(comments[1].thread_root_id, 1);
  EXPECT_EQ(comments[2].id, 3);
  EXPECT_EQ(std::get<AnalysedPage>(top).page.items.size(), 2u);

  AnalysedResult branch = analysis.take(2);
  ASSERT_TRUE(std::holds_alternative<vk::VkFailure>(branch));
  EXPECT_EQ(std::get<vk::VkFailure>(branch).code, "vk_access_denied");

  EXPECT_THROW(analysis.take(0), std::logic_error);  // a wall page is not analysed here
  EXPECT_THROW(analysis.take(1), std::logic_error);  // taken already
}

}  // namespace
}  // namespace vka::collect
