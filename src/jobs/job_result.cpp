#include "jobs/job_result.hpp"

#include "store/error.hpp"

namespace vka::jobs {

JobResult classify_exception(std::exception_ptr error) {
  try {
    std::rethrow_exception(error);
  } catch (const store::StoreError& e) {
    if (e.kind() == store::StoreErrorKind::unavailable) return JobResult::retry(e.what());
    return JobResult::failed(e.what());
  } catch (const std::exception& e) {
    return JobResult::failed(std::string("unexpected error: ") + e.what());
  } catch (...) {
    return JobResult::failed("unexpected error of an unknown type");
  }
}

}  // namespace vka::jobs
