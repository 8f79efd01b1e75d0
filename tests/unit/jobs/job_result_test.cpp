#include "jobs/job_result.hpp"

#include <gtest/gtest.h>

#include "store/error.hpp"

namespace vka::jobs {
namespace {

template <class E>
JobResult classify(const E& error) {
  return classify_exception(std::make_exception_ptr(error));
}

TEST(ClassifyExceptionTest, AnUnavailableStoreRetriesAndTheRestFail) {
  EXPECT_EQ(classify(store::StoreError(store::StoreErrorKind::unavailable, "busy")).outcome, JobOutcome::retry);
  EXPECT_EQ(classify(store::StoreError(store::StoreErrorKind::unavailable, "busy")).error, "busy");
  EXPECT_EQ(classify(store::StoreError(store::StoreErrorKind::corrupt, "damaged")).outcome, JobOutcome::failed);
  EXPECT_EQ(classify(std::logic_error("bug")).outcome, JobOutcome::failed);
  EXPECT_EQ(classify(std::logic_error("bug")).error, "unexpected error: bug");
  EXPECT_EQ(classify(42).outcome, JobOutcome::failed);
}

}  // namespace
}  // namespace vka::jobs
