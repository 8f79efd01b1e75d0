// Splitting an execute response into its inner calls (docs/vk-api.md §2, §4.8).
#include "vk/json_reader.hpp"
#include "vk/parse.hpp"

namespace vka::vk {

using namespace detail;

domain::Result<std::vector<CallOutcome>, ParseError> split_execute(const Success& success, std::size_t calls) {
  return guarded([&] {
    const Where where(success.response.path());
    const json::array& results = array_at(success.response.json(), where);
    if (results.size() != calls) {
      fail(where, "expected " + std::to_string(calls) + " results, got " + std::to_string(results.size()));
    }
    std::vector<CallOutcome> outcomes;
    outcomes.reserve(calls);
    std::size_t next_error = 0;
    for (std::size_t i = 0; i < results.size(); ++i) {
      const json::value& result = results[i];
      if (result.is_bool() && !result.get_bool()) {
        if (next_error < success.execute_errors.size()) {
          outcomes.emplace_back(success.execute_errors[next_error++]);
        } else {
          outcomes.emplace_back(
              ApiError{.code = 1, .message = "call failed inside execute without an execute_errors entry"});
        }
        continue;
      }
      outcomes.emplace_back(success.response.child(result, success.response.path() + "[" + std::to_string(i) + "]"));
    }
    return outcomes;
  });
}

}  // namespace vka::vk
