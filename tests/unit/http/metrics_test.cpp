#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "http/metrics.hpp"

namespace vka::http {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(Metrics, DescribedFamilyWithoutSamplesRendersHelpAndType) {
  Metrics metrics;
  metrics.describe_counter("vka_things_total", "Things seen.");
  EXPECT_EQ(metrics.render(), "# HELP vka_things_total Things seen.\n# TYPE vka_things_total counter\n");
}

TEST(Metrics, CounterAddsUpPerLabelSet) {
  Metrics metrics;
  metrics.describe_counter("vka_requests_total", "Requests.");
  metrics.increment("vka_requests_total", {{"route", "/a"}, {"status", "200"}});
  metrics.increment("vka_requests_total", {{"route", "/a"}, {"status", "200"}}, 2);
  metrics.increment("vka_requests_total", {{"route", "/a"}, {"status", "404"}});
  const auto text = metrics.render();
  EXPECT_THAT(text, HasSubstr("vka_requests_total{route=\"/a\",status=\"200\"} 3\n"));
  EXPECT_THAT(text, HasSubstr("vka_requests_total{route=\"/a\",status=\"404\"} 1\n"));
}

TEST(Metrics, SampleWithoutLabelsHasNoBraces) {
  Metrics metrics;
  metrics.describe_gauge("vka_up", "Up.");
  metrics.set("vka_up", {}, 1);
  EXPECT_THAT(metrics.render(), HasSubstr("\nvka_up 1\n"));
}

TEST(Metrics, GaugeKeepsTheLastValue) {
  Metrics metrics;
  metrics.describe_gauge("vka_queue_depth", "Jobs waiting.");
  metrics.set("vka_queue_depth", {{"kind", "collect"}}, 7);
  metrics.set("vka_queue_depth", {{"kind", "collect"}}, 2.5);
  const auto text = metrics.render();
  EXPECT_THAT(text, HasSubstr("# TYPE vka_queue_depth gauge\n"));
  EXPECT_THAT(text, HasSubstr("vka_queue_depth{kind=\"collect\"} 2.5\n"));
  EXPECT_THAT(text, Not(HasSubstr(" 7\n")));
}

TEST(Metrics, LabelValuesAreEscaped) {
  Metrics metrics;
  metrics.describe_counter("vka_c_total", "C.");
  metrics.increment("vka_c_total", {{"path", "a\\b\"c\nd"}});
  EXPECT_THAT(metrics.render(), HasSubstr("vka_c_total{path=\"a\\\\b\\\"c\\nd\"} 1\n"));
}

TEST(Metrics, HistogramBucketsAreCumulativeWithInfSumAndCount) {
  Metrics metrics;
  metrics.describe_histogram("vka_latency_seconds", "Latency.", {1, 0.1, 0.5});  // sorted on describe
  const Labels labels{{"route", "/x"}};
  for (const double v : {0.05, 0.1, 0.3, 0.7, 0.9, 3.0}) metrics.observe("vka_latency_seconds", labels, v);
  EXPECT_EQ(metrics.render(),
            "# HELP vka_latency_seconds Latency.\n"
            "# TYPE vka_latency_seconds histogram\n"
            "vka_latency_seconds_bucket{route=\"/x\",le=\"0.1\"} 2\n"
            "vka_latency_seconds_bucket{route=\"/x\",le=\"0.5\"} 3\n"
            "vka_latency_seconds_bucket{route=\"/x\",le=\"1\"} 5\n"
            "vka_latency_seconds_bucket{route=\"/x\",le=\"+Inf\"} 6\n"
            "vka_latency_seconds_sum{route=\"/x\"} 5.05\n"
            "vka_latency_seconds_count{route=\"/x\"} 6\n");
}

TEST(Metrics, HistogramWithoutLabelsPutsOnlyLeInBraces) {
  Metrics metrics;
  metrics.describe_histogram("vka_h", "H.", {10});
  metrics.observe("vka_h", {}, 20);
  const auto text = metrics.render();
  EXPECT_THAT(text, HasSubstr("vka_h_bucket{le=\"10\"} 0\n"));
  EXPECT_THAT(text, HasSubstr("vka_h_bucket{le=\"+Inf\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("vka_h_sum 20\n"));
  EXPECT_THAT(text, HasSubstr("vka_h_count 1\n"));
}

TEST(Metrics, FamiliesRenderEachUnderItsOwnHeader) {
  Metrics metrics;
  metrics.describe_counter("vka_b_total", "B.");
  metrics.describe_counter("vka_a_total", "A.");
  metrics.increment("vka_a_total", {});
  metrics.increment("vka_b_total", {});
  const auto text = metrics.render();
  const auto a_header = text.find("# TYPE vka_a_total counter\n");
  const auto b_header = text.find("# TYPE vka_b_total counter\n");
  ASSERT_NE(a_header, std::string::npos);
  ASSERT_NE(b_header, std::string::npos);
  const auto a_sample = text.find("vka_a_total 1\n");
  const auto b_sample = text.find("vka_b_total 1\n");
  // Each sample follows its own header and precedes the next family's.
  EXPECT_GT(a_sample, a_header);
  EXPECT_GT(b_sample, b_header);
  EXPECT_TRUE((a_sample < b_header) || (b_sample < a_header));
}

TEST(Metrics, UndescribedOrMistypedNamesAreProgrammingErrors) {
  Metrics metrics;
  metrics.describe_counter("vka_c_total", "C.");
  EXPECT_THROW(metrics.increment("vka_missing_total", {}), std::logic_error);
  EXPECT_THROW(metrics.set("vka_c_total", {}, 1), std::logic_error);
  EXPECT_THROW(metrics.observe("vka_c_total", {}, 1), std::logic_error);
}

}  // namespace
}  // namespace vka::http
