#include "domain/task_state.hpp"

#include <gtest/gtest.h>

#include <map>
#include <utility>

namespace vka::domain {
namespace {

using S = TaskStatus;
using A = TaskAction;

constexpr auto all_statuses = all_task_statuses;
constexpr A all_actions[] = {A::start, A::pause, A::resume, A::cancel, A::requeue, A::complete, A::complete_with_errors,
                             A::fail};

// Every allowed transition; any pair not listed must be refused.
const std::map<std::pair<S, A>, S> allowed{
    {{S::queued, A::start}, S::running},       {{S::queued, A::pause}, S::paused},
    {{S::queued, A::cancel}, S::canceled},     {{S::running, A::pause}, S::paused},
    {{S::running, A::cancel}, S::canceled},    {{S::running, A::requeue}, S::queued},
    {{S::running, A::complete}, S::completed}, {{S::running, A::complete_with_errors}, S::completed_with_errors},
    {{S::running, A::fail}, S::failed},        {{S::paused, A::resume}, S::queued},
    {{S::paused, A::cancel}, S::canceled},     {{S::failed, A::resume}, S::queued},
};

TEST(TaskTransition, EveryStatusActionPairMatchesTheTable) {
  for (auto status : all_statuses) {
    for (auto action : all_actions) {
      const auto it = allowed.find({status, action});
      const auto got = transition(status, action);
      if (it == allowed.end())
        EXPECT_FALSE(got.has_value()) << to_string(action) << " from " << to_string(status);
      else
        EXPECT_EQ(got, it->second) << to_string(action) << " from " << to_string(status);
    }
  }
}

TEST(TaskTransition, TerminalStatusesAcceptNothingButAFailedTasksResume) {
  for (auto status : all_statuses) {
    if (!is_terminal(status)) continue;
    for (auto action : all_actions) {
      if (status == S::failed && action == A::resume) continue;
      EXPECT_FALSE(transition(status, action).has_value()) << to_string(action) << " from " << to_string(status);
    }
  }
  EXPECT_EQ(transition(S::failed, A::resume), S::queued);
}

TEST(TaskTransition, EveryNonTerminalStatusCanBeCanceled) {
  for (auto status : all_statuses) {
    if (!is_terminal(status)) {
      EXPECT_EQ(transition(status, A::cancel), S::canceled);
    }
  }
}

TEST(TaskAction, NamesRoundTrip) {
  for (auto action : all_actions) EXPECT_EQ(parse_task_action(to_string(action)), action);
  EXPECT_EQ(parse_task_action("Pause"), std::nullopt);
  EXPECT_EQ(parse_task_action(""), std::nullopt);
}

TEST(TaskTransition, ProblemSaysWhatAndFromWhere) {
  EXPECT_EQ(transition_problem(S::running, A::resume), "cannot resume a task that is running");
  EXPECT_EQ(transition_problem(S::completed_with_errors, A::pause),
            "cannot pause a task that is completed with errors");
}

}  // namespace
}  // namespace vka::domain
